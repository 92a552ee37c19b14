using System.IO.Compression;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using UglyToad.PdfPig.Tokens;

namespace Pilgi.Imaging.Pdf;

/// <summary>
/// Decodes one scanned page's image into a grey page as displayed. A JPEG goes through the same checks and decoder as
/// an uploaded JPEG (its own header size against the limits, the truncation check); Flate and uncompressed samples are
/// inflated to exactly the size the dictionary declares and no further; CCITT fax is left to PdfPig's decoder.
/// </summary>
internal sealed class PdfPageDecoder(Configuration configuration, ImageLimits limits, SealInkFilter sealInk, string subject)
{
    public GrayImage Decode(PdfPageImage page)
    {
        GrayImage gray;
        if (page.Encoding == PdfImageEncoding.Jpeg)
        {
            using var rgb = DecodeJpeg(page);
            Turn(rgb, page.Rotation);
            gray = PageConverter.ToGray(rgb.Frames.RootFrame, sealInk);
        }
        else if (page.Components == 3)
        {
            var samples = Samples(page);
            using var rgb = Image.LoadPixelData<Rgb24>(configuration, samples, page.Samples.Width, page.Samples.Height);
            Turn(rgb, page.Rotation);
            gray = PageConverter.ToGray(rgb.Frames.RootFrame, sealInk);
        }
        else
        {
            var samples = Samples(page);
            if (page.Image.BitsPerComponent == 1) samples = SpreadBits(samples, page.Samples.Width, page.Samples.Height);
            if (IsInverted(page)) foreach (ref byte b in samples.AsSpan()) b = (byte)~b;
            using var grey = Image.LoadPixelData<L8>(configuration, samples, page.Samples.Width, page.Samples.Height);
            Turn(grey, page.Rotation);
            gray = ImageCodec.FromImage(grey);
        }
        return gray;
    }

    private Image<Rgb24> DecodeJpeg(PdfPageImage page)
    {
        var jpeg = page.Image.RawMemory.ToArray();
        if (FormatSniffer.Sniff(jpeg) != ScanFormat.Jpeg)
            throw ImageRefusals.Corrupt(subject, $"the JPEG image on page {page.PageNumber} is damaged.");
        IImageInfo? info;
        try
        {
            using var stream = new MemoryStream(jpeg, writable: false);
            info = Image.Identify(configuration, stream);
            JpegMarkerWalker.EnsureComplete(jpeg);
        }
        catch (Exception ex)
        {
            throw ImageRefusals.Corrupt(subject, $"the JPEG image on page {page.PageNumber} is damaged: {ex.Message}", ex);
        }
        if (info is null) throw ImageRefusals.Corrupt(subject, $"the JPEG image on page {page.PageNumber} is damaged.");
        // The JPEG's own header decides how many pixels are decoded, whatever the PDF declared.
        PageLimitGuard.Check([new PageSize(info.Width, info.Height)], limits, subject);
        return Image.Load<Rgb24>(configuration, jpeg);
    }

    /// <summary>The page's samples, row after row with no padding between rows but the byte boundary at each row's end.</summary>
    private byte[] Samples(PdfPageImage page)
    {
        int width = page.Samples.Width, height = page.Samples.Height;
        int rowBytes = (int)(((long)width * page.Components * page.Image.BitsPerComponent + 7) / 8);
        long expected = (long)rowBytes * height;
        switch (page.Encoding)
        {
            case PdfImageEncoding.Uncompressed:
                if (page.Image.RawMemory.Length < expected) throw CutOff(page);
                return page.Image.RawMemory[..(int)expected].ToArray();
            case PdfImageEncoding.CcittFax:
                if (!page.Image.TryGetBytesAsMemory(out var fax))
                    throw ImageRefusals.PdfImageUnsupported(subject, page.PageNumber, "its CCITT fax data could not be decoded.");
                if (fax.Length < expected) throw CutOff(page);
                return fax[..(int)expected].ToArray();
            default:
                int predictor = Predictor(page);
                if (predictor == 1) return Inflate(page, expected);
                if (predictor < 10)
                    throw ImageRefusals.PdfImageUnsupported(subject, page.PageNumber, $"its Flate data uses predictor {predictor}.");
                var filtered = Inflate(page, (rowBytes + 1L) * height);
                return PngRowFilters.Undo(filtered, rowBytes, height,
                    bytesPerPixel: Math.Max(1, page.Components * page.Image.BitsPerComponent / 8));
        }
    }

    private static int Predictor(PdfPageImage page)
    {
        var dictionary = page.Image.ImageDictionary;
        IToken? parameters = null;
        if (!dictionary.TryGet(NameToken.DecodeParms, out parameters)) dictionary.TryGet(NameToken.Dp, out parameters);
        if (parameters is ArrayToken { Length: > 0 } array) parameters = array[0];
        return parameters is DictionaryToken d && d.TryGet(NameToken.Predictor, out var p) && p is NumericToken n ? n.Int : 1;
    }

    /// <summary>Exactly <paramref name="length"/> inflated bytes: a stream that inflates to more is never read past them.</summary>
    private byte[] Inflate(PdfPageImage page, long length)
    {
        var output = new byte[length];
        try
        {
            using var compressed = new MemoryStream(page.Image.RawMemory.ToArray(), writable: false);
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            inflater.ReadExactly(output);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw CutOff(page, ex);
        }
        return output;
    }

    private static bool IsInverted(PdfPageImage page) =>
        page.Image.Decode is [var first, var second, ..] && first > second;

    /// <summary>One byte a pixel (0 or 255) from one bit a pixel, each row starting on a byte.</summary>
    private static byte[] SpreadBits(byte[] bits, int width, int height)
    {
        int rowBytes = (width + 7) / 8;
        var pixels = new byte[(long)width * height];
        for (int y = 0; y < height; y++)
        {
            var row = bits.AsSpan(y * rowBytes, rowBytes);
            var target = pixels.AsSpan(y * width, width);
            for (int x = 0; x < width; x++) target[x] = (row[x >> 3] & (0x80 >> (x & 7))) != 0 ? (byte)255 : (byte)0;
        }
        return pixels;
    }

    private static void Turn<TPixel>(Image<TPixel> image, int rotation) where TPixel : unmanaged, IPixel<TPixel>
    {
        var mode = rotation switch { 90 => RotateMode.Rotate90, 180 => RotateMode.Rotate180, 270 => RotateMode.Rotate270, _ => RotateMode.None };
        if (mode != RotateMode.None) image.Mutate(x => x.Rotate(mode));
    }

    private Exception CutOff(PdfPageImage page, Exception? cause = null) =>
        ImageRefusals.Corrupt(subject, $"the image data on page {page.PageNumber} is cut off or damaged.", cause);
}
