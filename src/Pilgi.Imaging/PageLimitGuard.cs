namespace Pilgi.Imaging;

/// <summary>Checks the page sizes a header declares against <see cref="ImageLimits"/>, before any pixel is decoded.</summary>
internal static class PageLimitGuard
{
    public static void Check(IReadOnlyList<PageSize> pages, ImageLimits limits, string subject)
    {
        if (pages.Count > limits.MaxPages)
            throw ImageRefusals.TooManyPages(subject, pages.Count, atLeast: false, limits.MaxPages);

        long totalPixels = 0;
        for (int i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            string which = pages.Count == 1 ? "the image" : $"page {i + 1}";

            if (page.Width > limits.MaxWidth || page.Height > limits.MaxHeight)
                throw ImageRefusals.TooManyPixels(subject,
                    $"{which} is {page} pixels; the most allowed is {limits.MaxWidth}x{limits.MaxHeight}.");
            if (page.Pixels > limits.MaxPixelsPerPage)
                throw ImageRefusals.TooManyPixels(subject,
                    $"{which} has {page.Pixels:N0} pixels; the most allowed per page is {limits.MaxPixelsPerPage:N0}.");
            if (page.Width < limits.MinWidth || page.Height < limits.MinHeight)
                throw ImageRefusals.TooSmall(subject,
                    $"{which} is {page} pixels; at least {limits.MinWidth}x{limits.MinHeight} is needed.");

            totalPixels += page.Pixels;
            if (totalPixels > limits.MaxTotalPixels)
                throw ImageRefusals.TooManyPixels(subject,
                    $"its pages hold more than {limits.MaxTotalPixels:N0} pixels in total.");
        }
    }
}
