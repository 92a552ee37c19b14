using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Pilgi.Core.Errors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.BadInputs;

/// <summary>
/// Generates the hostile uploads a bank's scanners and customers produce, from the sample forms, into a folder laid
/// out like the storage containers (<c>scans/</c>, <c>templates/</c>) with a <see cref="CorpusManifest"/>. Nothing is
/// hand-picked: every file is made here, so the corpus can be rebuilt anywhere.
/// </summary>
public static class BadInputCorpus
{
    /// <param name="outputDirectory">Created if missing; files of an earlier run are overwritten.</param>
    /// <param name="sampleForms">The sample set (<c>scans/&lt;layout&gt;-0001.jpg</c>, <c>templates/</c>).</param>
    public static CorpusManifest Write(string outputDirectory, string sampleForms)
    {
        var samples = new Samples(sampleForms);
        var output = new Output(outputDirectory);
        var scans = new List<BadInput>();

        void Scan(string @case, string blob, byte[] data, string? reason, string description)
        {
            output.Put("scans", blob, data);
            scans.Add(new BadInput(@case, blob, reason, description));
        }

        Scan("zero-byte", "remittance/zero-byte.jpg", [], ReasonCodes.ImageEmpty, "an empty upload");
        var jpeg = samples.Scan("remittance");
        Scan("truncated-jpeg", "remittance/truncated.jpg", jpeg[..(jpeg.Length * 2 / 5)], ReasonCodes.ImageCorrupt,
            "a JPEG cut off after 40 % of its bytes");
        var png = Png(samples.Scan("withdrawal"));
        Scan("truncated-png", "withdrawal/truncated.png", png[..(png.Length / 2)], ReasonCodes.ImageCorrupt,
            "a PNG cut off half way through its image data");
        Scan("wrong-extension", "deposit/really-a-png.jpg", Png(samples.Scan("deposit")), null,
            "a good scan saved as PNG under a .jpg name: read by its content");
        Scan("html-as-jpeg", "remittance/page.jpg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>로그인</h1></body></html>"),
            ReasonCodes.ImageUnsupportedFormat, "an HTML page saved with a .jpg name");
        Scan("pdf-as-png", "remittance/statement.png", PdfFiles.Build([[]]), ReasonCodes.PdfPageNotScanned,
            "a PDF statement (a page of text, no scanned image) renamed .png: read as a PDF, and no scan");
        Scan("zip-as-tiff", "remittance/archive.tif", Zip(jpeg), ReasonCodes.ImageUnsupportedFormat, "a zip of a scan renamed .tif");
        Scan("png-bomb", "remittance/bomb.png", PngBomb(100_000, 100_000), ReasonCodes.ImageTooManyPixels,
            "a 30 KB PNG declaring 100000 x 100000 pixels (10 GB decoded)");
        Scan("jpeg-bomb", "remittance/declared-huge.jpg", JpegWithDeclaredSize(jpeg, 60_000, 60_000), ReasonCodes.ImageTooManyPixels,
            "a JPEG whose frame header declares 60000 x 60000 pixels");
        Scan("tiff-10000-pages", "withdrawal/pages.tif", TinyTiff(10_000, loop: false), ReasonCodes.ImageTooManyPages,
            "a TIFF of 10,000 one-pixel pages");
        Scan("tiff-ifd-loop", "withdrawal/loop.tif", TinyTiff(3, loop: true), ReasonCodes.ImageCorrupt,
            "a TIFF whose last page points back to its first");
        Scan("pdf-scan", "remittance/copier.pdf", PdfFiles.Scanned([PdfFiles.Jpeg(jpeg)]), null,
            "the remittance form as a copier's PDF (one JPEG filling the page): read like the JPEG");
        Scan("pdf-10000-pages", "withdrawal/pages.pdf", PdfFiles.ManyPages(jpeg, 10_000), ReasonCodes.ImageTooManyPages,
            "a PDF of 10,000 pages, all drawing one shared JPEG");
        Scan("pdf-declared-huge", "remittance/declared-huge.pdf", PdfFiles.DeclaringImageSize(jpeg, 60_000, 60_000),
            ReasonCodes.ImageTooManyPixels, "a PDF whose page image declares 60000 x 60000 samples");
        var pdf = PdfFiles.Scanned([PdfFiles.Jpeg(jpeg)]);
        Scan("pdf-truncated", "remittance/truncated.pdf", pdf[..(pdf.Length * 3 / 5)], ReasonCodes.ImageCorrupt,
            "a scanned PDF cut off after 60 % of its bytes (no cross-reference table)");
        Scan("pdf-encrypted", "remittance/locked.pdf", PdfFiles.Encrypted(jpeg), ReasonCodes.PdfEncrypted,
            "a scanned PDF locked with a user password");
        Scan("pdf-xref-loop", "remittance/xref-loop.pdf", PdfFiles.CrossReferenceLoop(jpeg), null,
            "a scanned PDF whose trailer's /Prev names its own cross-reference table: the loop is cut, the page read");
        Scan("pdf-page-tree-loop", "remittance/tree-loop.pdf", PdfFiles.PageTreeLoop(), ReasonCodes.ImageCorrupt,
            "a PDF whose page tree lists itself as its own child");
        Scan("pdf-deep-page-tree", "remittance/deep-tree.pdf", PdfFiles.DeepPageTree(100_000), ReasonCodes.ImageCorrupt,
            "a PDF page tree 100,000 levels deep (overflows the PDF parser's stack if it gets that far)");
        Scan("pdf-inflating-content", "remittance/content-bomb.pdf", PdfFiles.InflatingContent(jpeg, 256 * 1024 * 1024),
            ReasonCodes.ImageTooLarge, "a scanned page whose 250 KB content stream inflates to 256 MB");
        Scan("one-pixel", "remittance/dot.png", Solid(1, 1, 255), ReasonCodes.ImageTooSmall, "a 1 x 1 image");
        Scan("blank-page", "remittance/blank.png", Solid(1240, 1754, 250), ReasonCodes.PageBlank, "an empty A4 sheet at 150 dpi");
        Scan("upside-down", "remittance/upside-down.jpg", Turned(jpeg, RotateMode.Rotate180), null,
            "the remittance form fed upside down: read as the upright page");
        Scan("landscape", "insurance_claim/landscape.jpg", Turned(samples.Scan("insurance_claim"), RotateMode.Rotate270), null,
            "a form scanned a quarter turn round: read as the upright page");
        Scan("photo-of-nothing", "deposit/photo.jpg", Photo(1600, 1200), ReasonCodes.PageNotFound,
            "a blurry colour photo with no form on it");
        Scan("different-form", "remittance/deposit-slip.jpg", samples.Scan("deposit"), ReasonCodes.RegistrationFailed,
            "a deposit slip uploaded into the remittance folder");
        Scan("unknown-template", "no_such_form/scan.jpg", samples.Scan("deposit"), ReasonCodes.TemplateUnknown,
            "a folder that names no registered template");

        // forms registered wrongly: a box off the page, and a template whose reference image was never uploaded
        var templates = new List<string>();
        var offPage = samples.Template("deposit");
        offPage["id"] = "deposit_offpage";
        offPage["reference"] = "deposit_offpage.png";
        var box = offPage["fields"]![0]!["box"]!.AsArray();
        box[0] = offPage["page"]!["width"]!.GetValue<int>() + 50;
        templates.Add(output.Put("templates", "deposit_offpage.json", Encoding.UTF8.GetBytes(offPage.ToJsonString())));
        templates.Add(output.Put("templates", "deposit_offpage.png", samples.Reference("deposit")));
        Scan("template-off-page", "deposit_offpage/scan.jpg", samples.Scan("deposit"), ReasonCodes.TemplateInvalid,
            "its template has a field box outside the page");
        var noReference = samples.Template("withdrawal");
        noReference["id"] = "withdrawal_noref";
        noReference["reference"] = "withdrawal_noref.png";
        templates.Add(output.Put("templates", "withdrawal_noref.json", Encoding.UTF8.GetBytes(noReference.ToJsonString())));
        Scan("reference-missing", "withdrawal_noref/scan.jpg", samples.Scan("withdrawal"), ReasonCodes.ReferenceMissing,
            "its template names a reference image that is not there");

        var manifest = new CorpusManifest(scans, templates);
        File.WriteAllText(Path.Combine(outputDirectory, CorpusManifest.FileName), manifest.ToJson());
        return manifest;
    }

    private static byte[] Png(byte[] image)
    {
        using var img = Image.Load<L8>(image);
        using var ms = new MemoryStream();
        img.SaveAsPng(ms);
        return ms.ToArray();
    }

    private static byte[] Turned(byte[] image, RotateMode turn)
    {
        using var img = Image.Load<Rgb24>(image);
        img.Mutate(x => x.Rotate(turn));
        using var ms = new MemoryStream();
        img.SaveAsJpeg(ms);
        return ms.ToArray();
    }

    private static byte[] Solid(int width, int height, byte level)
    {
        using var img = new Image<L8>(width, height, new L8(level));
        using var ms = new MemoryStream();
        img.SaveAsPng(ms);
        return ms.ToArray();
    }

    /// <summary>Smooth colour blotches with sensor noise: a phone photo of a desk, say.</summary>
    private static byte[] Photo(int width, int height)
    {
        var rng = new Random(7);
        using var small = new Image<Rgb24>(16, 12);
        for (int y = 0; y < small.Height; y++)
            for (int x = 0; x < small.Width; x++)
                small[x, y] = new Rgb24((byte)rng.Next(40, 220), (byte)rng.Next(40, 220), (byte)rng.Next(40, 220));
        small.Mutate(c => c.Resize(width, height, KnownResamplers.Bicubic));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var p = small[x, y];
                int n = rng.Next(-12, 13);
                small[x, y] = new Rgb24(Clamp(p.R + n), Clamp(p.G + n), Clamp(p.B + n));
            }
        using var ms = new MemoryStream();
        small.SaveAsJpeg(ms);
        return ms.ToArray();
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    private static byte[] Zip(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("scan.jpg").Open();
            entry.Write(content);
        }
        return ms.ToArray();
    }

    /// <summary>A valid PNG header for a huge grey image and real deflate data of zero rows (a few MB of pixels).</summary>
    private static byte[] PngBomb(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        WriteBigEndian(ihdr, 0, (uint)width);
        WriteBigEndian(ihdr, 4, (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        Chunk(ms, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[width + 1];
                for (int y = 0; y < 64; y++) z.Write(row);
            }
            Chunk(ms, "IDAT", raw.ToArray());
        }
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var header = new byte[8];
        WriteBigEndian(header, 0, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, 0, 4, header, 4);
        s.Write(header);
        s.Write(data);
        var crcInput = new byte[4 + data.Length];
        Array.Copy(header, 4, crcInput, 0, 4);
        data.CopyTo(crcInput, 4);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(crcInput));
        s.Write(crc);
    }

    /// <summary>The CRC of a PNG chunk (ISO 3309, as zlib computes it).</summary>
    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    /// <summary>The JPEG with its first frame header's height and width replaced.</summary>
    private static byte[] JpegWithDeclaredSize(byte[] jpeg, int width, int height)
    {
        var bytes = (byte[])jpeg.Clone();
        for (int i = 2; i + 9 < bytes.Length;)
        {
            if (bytes[i] != 0xFF) throw new InvalidDataException("unexpected JPEG layout in the sample scan");
            byte marker = bytes[i + 1];
            int length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                bytes[i + 5] = (byte)(height >> 8);
                bytes[i + 6] = (byte)height;
                bytes[i + 7] = (byte)(width >> 8);
                bytes[i + 8] = (byte)width;
                return bytes;
            }
            i += 2 + length;
        }
        throw new InvalidDataException("the sample scan has no JPEG frame header");
    }

    /// <summary>A little-endian TIFF of one-pixel grey pages; with <paramref name="loop"/> the last page links to the first.</summary>
    private static byte[] TinyTiff(int pages, bool loop)
    {
        const int entries = 8, ifdSize = 2 + entries * 12 + 4;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write((byte)'I'); w.Write((byte)'I'); w.Write((ushort)42); w.Write(8u);
        for (int p = 0; p < pages; p++)
        {
            uint ifd = (uint)(8 + p * (ifdSize + 2));
            uint pixel = ifd + ifdSize;
            w.Write((ushort)entries);
            void Entry(ushort tag, ushort type, uint value) { w.Write(tag); w.Write(type); w.Write(1u); w.Write(value); }
            Entry(256, 4, 1);     // ImageWidth
            Entry(257, 4, 1);     // ImageLength
            Entry(258, 3, 8);     // BitsPerSample
            Entry(259, 3, 1);     // Compression: none
            Entry(262, 3, 1);     // PhotometricInterpretation: black is zero
            Entry(273, 4, pixel); // StripOffsets
            Entry(278, 4, 1);     // RowsPerStrip
            Entry(279, 4, 1);     // StripByteCounts
            uint next = p + 1 < pages ? pixel + 2 : loop ? 8u : 0u;
            w.Write(next);
            w.Write((ushort)0xFFFF); // the pixel, padded to keep the next IFD on a word boundary
        }
        w.Flush();
        return ms.ToArray();
    }

    private sealed class Samples(string root)
    {
        public byte[] Scan(string layout) => File.ReadAllBytes(Path.Combine(root, "scans", $"{layout}-0001.jpg"));
        public byte[] Reference(string layout) => File.ReadAllBytes(Path.Combine(root, "templates", $"{layout}.png"));

        public JsonObject Template(string layout) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(root, "templates", $"{layout}.json")))!.AsObject();
    }

    private sealed class Output(string root)
    {
        /// <returns><paramref name="name"/></returns>
        public string Put(string container, string name, byte[] data)
        {
            var path = Path.Combine(root, container, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, data);
            return name;
        }
    }
}
