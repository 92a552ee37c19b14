using System.Diagnostics;
using Pilgi.Core.Errors;
using Pilgi.Imaging.Pdf;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Imaging;

/// <summary>
/// Turns an uploaded scan into grey pages, treating every upload as hostile. Checks run
/// cheapest first and nothing is decoded until the header has passed every limit:
/// byte count, format by magic bytes, header dimensions and page count, then the pixels
/// under <see cref="ImageLimits.DecodeTimeout"/>. A scanned PDF is read by <see cref="PdfScanReader"/>, all of it (parsing
/// included) under that time limit. Every refusal is a
/// <see cref="PilgiException"/> whose message names the upload; a caller's cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// Thread-safe; meant to be a singleton.
/// </summary>
public sealed class GuardedDecoder
{
    private readonly Configuration configuration;

    public GuardedDecoder(ImageLimits? limits = null, SealInkFilter? sealInk = null)
    {
        // Copied so later changes to the caller's options object cannot loosen the limits.
        Limits = (limits ?? new ImageLimits()) with { };
        Limits.Validate();
        SealInk = sealInk ?? SealInkFilter.Default;
        configuration = Limits == new ImageLimits() ? GuardedConfiguration.Shared : GuardedConfiguration.Create(Limits);
    }

    public ImageLimits Limits { get; }
    public SealInkFilter SealInk { get; }

    /// <param name="upload">Read to its end, but never past <see cref="ImageLimits.MaxBytes"/>.</param>
    /// <param name="subject">File or blob name, used in error messages.</param>
    public async Task<DecodedScan> DecodeAsync(Stream upload, string subject, CancellationToken cancellationToken = default)
    {
        var data = await BoundedUploadReader.ReadAsync(upload, Limits.MaxBytes, subject, cancellationToken).ConfigureAwait(false);
        return await DecodeAsync(data, subject, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="data">The whole upload.</param>
    /// <param name="subject">File or blob name, used in error messages.</param>
    public async Task<DecodedScan> DecodeAsync(byte[] data, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(subject);
        cancellationToken.ThrowIfCancellationRequested();

        if (data.Length == 0) throw ImageRefusals.Empty(subject);
        if (data.Length > Limits.MaxBytes) throw ImageRefusals.TooLarge(subject, data.Length, Limits.MaxBytes);

        if (FormatSniffer.Sniff(data) is not { } format || (format == ScanFormat.Pdf && !Limits.AllowPdf))
            throw ImageRefusals.UnsupportedFormat(subject, FormatSniffer.DescribeForeign(data));

        if (format == ScanFormat.Pdf)
        {
            // PdfPig recurses over the page tree: a thread with a stack of its own, not a pool thread's.
            return await DecodeUnderDeadlineAsync(format, subject, token => OnLargeStack(
                () => PdfScanReader.Read(data, Limits, configuration, SealInk, subject, token)), cancellationToken).ConfigureAwait(false);
        }

        var declared = ReadDeclaredPages(data, format, subject);
        PageLimitGuard.Check(declared.Select(p => p.Size).ToList(), Limits, subject);
        EnsureNotCutOff(data, format, declared, subject);
        return await DecodeUnderDeadlineAsync(format, subject,
            token => Task.Run(() => DecodePagesAsync(data, token), CancellationToken.None), cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<DeclaredPage> ReadDeclaredPages(byte[] data, ScanFormat format, string subject)
    {
        IReadOnlyList<DeclaredPage>? tiffPages = null;
        if (format == ScanFormat.Tiff)
        {
            try
            {
                tiffPages = TiffDirectoryWalker.ReadPages(data, stopAfter: Limits.MaxPages + 1);
            }
            catch (InvalidDataException ex)
            {
                throw ImageRefusals.Corrupt(subject, ex.Message, ex);
            }
            if (tiffPages.Count > Limits.MaxPages)
                throw ImageRefusals.TooManyPages(subject, tiffPages.Count, atLeast: true, Limits.MaxPages);
        }

        IImageInfo? info;
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            info = Image.Identify(configuration, stream);
        }
        catch (Exception ex)
        {
            throw ImageRefusals.Corrupt(subject, "the header is damaged.", ex);
        }
        if (info is null) throw ImageRefusals.Corrupt(subject, "the header is damaged.");

        // Identify reports only the first TIFF page; the directory walk has every page.
        return tiffPages ?? [new DeclaredPage(new PageSize(info.Width, info.Height), DataInsideFile: true)];
    }

    /// <summary>ImageSharp 2.1 decodes cut-off files without failing, so truncation is looked for here.</summary>
    private static void EnsureNotCutOff(byte[] data, ScanFormat format, IReadOnlyList<DeclaredPage> pages, string subject)
    {
        try
        {
            switch (format)
            {
                case ScanFormat.Jpeg: JpegMarkerWalker.EnsureComplete(data); break;
                case ScanFormat.Png: PngChunkWalker.EnsureComplete(data); break;
                case ScanFormat.Tiff when pages.Any(p => !p.DataInsideFile):
                    throw new InvalidDataException("the TIFF image data is cut off before the end of a page.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw ImageRefusals.Corrupt(subject, ex.Message, ex);
        }
    }

    private async Task<DecodedScan> DecodeUnderDeadlineAsync(ScanFormat format, string subject,
        Func<CancellationToken, Task<IReadOnlyList<GrayImage>>> decode, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limits.DecodeTimeout);
        var clock = Stopwatch.StartNew();
        var decoding = decode(deadline.Token);
        try
        {
            // WaitAsync also covers a decoder stuck where it never looks at its token.
            var pages = await decoding.WaitAsync(Limits.DecodeTimeout, cancellationToken).ConfigureAwait(false);
            // Both timers need a free thread-pool thread and fire late on a busy machine, so a
            // decode can finish after its deadline; the limit is enforced the same either way.
            if (Limits.DecodeTimeout != Timeout.InfiniteTimeSpan && clock.Elapsed > Limits.DecodeTimeout)
                throw ImageRefusals.DecodeTimeout(subject, Limits.DecodeTimeout);
            return new DecodedScan(format, pages);
        }
        catch (PilgiException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(decoding, deadline);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Abandon(decoding, deadline);
            throw ImageRefusals.DecodeTimeout(subject, Limits.DecodeTimeout);
        }
        catch (Exception ex)
        {
            throw ImageRefusals.Corrupt(subject, ex.Message, ex);
        }
    }

    private async Task<IReadOnlyList<GrayImage>> DecodePagesAsync(byte[] data, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(data, writable: false);
        using var image = await Image.LoadAsync<Rgb24>(configuration, stream, cancellationToken).ConfigureAwait(false);
        // A phone stores a sideways shot as it was taken, with an EXIF Orientation tag that every viewer applies: read
        // the page as displayed, so that results, boxes and overlays are where a person sees them.
        if (image.Frames.Count == 1 && image.Metadata.ExifProfile is not null)
            image.Mutate(static x => x.AutoOrient());
        var pages = new List<GrayImage>(image.Frames.Count);
        for (int i = 0; i < image.Frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(PageConverter.ToGray(image.Frames[i], SealInk));
        }
        return pages;
    }

    private static Task<IReadOnlyList<GrayImage>> OnLargeStack(Func<IReadOnlyList<GrayImage>> work)
    {
        var done = new TaskCompletionSource<IReadOnlyList<GrayImage>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }, PdfScanReader.StackBytes)
        {
            IsBackground = true,
            Name = "Pilgi PDF reader",
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Lets a decode that overran finish on its own; its result and any failure are dropped.</summary>
    private static void Abandon(Task decoding, CancellationTokenSource deadline)
    {
        deadline.Cancel();
        _ = decoding.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
