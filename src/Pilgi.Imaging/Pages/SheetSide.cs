namespace Pilgi.Imaging.Pages;

/// <summary>
/// A side of a sheet, named by where it lies. Across each side the light goes from the (darker) desk to the (brighter)
/// paper, so its brightness gradient points into the sheet: down across the top side, left across the right side, …
/// </summary>
internal enum SheetSide { Top, Right, Bottom, Left }

internal static class SheetSides
{
    public static readonly SheetSide[] All = [SheetSide.Top, SheetSide.Right, SheetSide.Bottom, SheetSide.Left];

    /// <summary>The direction (radians, y down) in which the paper lies across this side.</summary>
    public static double Inward(this SheetSide side) => side switch
    {
        SheetSide.Top => Math.PI / 2,
        SheetSide.Right => Math.PI,
        SheetSide.Bottom => 3 * Math.PI / 2,
        _ => 0,
    };
}
