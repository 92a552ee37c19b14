using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.BadInputs;

/// <summary>
/// PDFs as copiers write them (one image filling each page) and as attackers write them, made with <see cref="RawPdf"/>.
/// Pages are A4 in points; each image is drawn over the whole page.
/// </summary>
public static class PdfFiles
{
    private const int PageWidth = 595, PageHeight = 842;

    /// <summary>One page image: its dictionary entries (without /Length) and its stream data.</summary>
    public sealed record PageImage(string Dictionary, byte[] Data);

    /// <summary>A JPEG as a page image (DCTDecode), with the size and colour space its header gives.</summary>
    public static PageImage Jpeg(byte[] jpeg)
    {
        var info = Image.Identify(jpeg) ?? throw new InvalidDataException("not a JPEG");
        string colours = info.PixelType.BitsPerPixel <= 8 ? "/DeviceGray" : "/DeviceRGB";
        return new PageImage($"/Type /XObject /Subtype /Image /Width {info.Width} /Height {info.Height} /ColorSpace {colours} " +
            "/BitsPerComponent 8 /Filter /DCTDecode", jpeg);
    }

    /// <summary>8-bit grey rows as a page image (FlateDecode), with or without the PNG Up predictor.</summary>
    public static PageImage FlateGray(int width, int height, byte[] pixels, bool pngPredictor = false)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            if (pngPredictor)
            {
                raw.WriteByte(2); // Up: each byte minus the one above it
                for (int x = 0; x < width; x++)
                    raw.WriteByte((byte)(pixels[y * width + x] - (y == 0 ? 0 : pixels[(y - 1) * width + x])));
            }
            else
            {
                raw.Write(pixels, y * width, width);
            }
        }
        string parameters = pngPredictor ? $" /DecodeParms << /Predictor 12 /Colors 1 /BitsPerComponent 8 /Columns {width} >>" : "";
        return new PageImage($"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray " +
            $"/BitsPerComponent 8 /Filter /FlateDecode{parameters}", Zlib(raw.ToArray()));
    }

    /// <summary>
    /// Black-and-white pixels (0 or 255) as a CCITT Group 4 page image, as fax-mode copiers write them; the G4 data is
    /// ImageSharp's, taken out of the one strip of a TIFF it writes.
    /// </summary>
    public static PageImage CcittGroup4(int width, int height, byte[] pixels)
    {
        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        using var tiff = new MemoryStream();
        image.Save(tiff, new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit1, Compression = TiffCompression.CcittGroup4Fax });
        var g4 = SingleTiffStrip(tiff.ToArray());
        return new PageImage($"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray " +
            $"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {width} /Rows {height} >>", g4);
    }

    private static byte[] SingleTiffStrip(byte[] tiff)
    {
        if (tiff[0] != (byte)'I') throw new InvalidDataException("expected a little-endian TIFF");
        int ifd = BinaryPrimitives.ReadInt32LittleEndian(tiff.AsSpan(4));
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(ifd));
        long offset = -1, count = -1, countOfOffsets = 0;
        for (int i = 0; i < entries; i++)
        {
            var entry = tiff.AsSpan(ifd + 2 + i * 12, 12);
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(entry), type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            long n = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            long value = type == 3 ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            if (tag == 273) (offset, countOfOffsets) = (value, n);
            if (tag == 279) count = value;
        }
        if (countOfOffsets != 1 || offset < 0 || count < 0) throw new InvalidDataException("expected a TIFF of one strip");
        return tiff.AsSpan((int)offset, (int)count).ToArray();
    }

    /// <summary>A scanned document: one page per image, each turned by <paramref name="rotate"/> degrees when shown.</summary>
    public static byte[] Scanned(IReadOnlyList<PageImage> pages, int rotate = 0, string trailerExtra = "") =>
        Build(pages.Select(p => (IReadOnlyList<PageImage>)[p]).ToList(), rotate, trailerExtra);

    /// <summary>Pages holding any number of images each (none: a page of text, say; two: a scan cut in strips).</summary>
    public static byte[] Build(IReadOnlyList<IReadOnlyList<PageImage>> pages, int rotate = 0, string trailerExtra = "")
    {
        var pdf = new RawPdf();
        int catalog = pdf.Add("");
        int tree = pdf.Add("");
        var kids = new List<int>();
        foreach (var images in pages)
        {
            var names = new StringBuilder();
            var drawing = new StringBuilder();
            for (int i = 0; i < images.Count; i++)
            {
                int image = pdf.AddStream(images[i].Dictionary, images[i].Data);
                names.Append($"/Im{i} {image} 0 R ");
                drawing.Append($"q {PageWidth} 0 0 {PageHeight} 0 0 cm /Im{i} Do Q\n");
            }
            int contents = pdf.AddStream("", Encoding.ASCII.GetBytes(drawing.Length > 0 ? drawing.ToString() : "BT /F1 12 Tf 72 720 Td (statement) Tj ET\n"));
            string rotation = rotate == 0 ? "" : $" /Rotate {rotate}";
            kids.Add(pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}]{rotation} " +
                $"/Resources << /XObject << {names}>> >> /Contents {contents} 0 R >>"));
        }
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        return pdf.Build(catalog, trailerExtra);
    }

    /// <summary><paramref name="pages"/> pages, each drawing the same small JPEG: a page-count bomb.</summary>
    public static byte[] ManyPages(byte[] jpeg, int pages)
    {
        var pdf = new RawPdf();
        int catalog = pdf.Add("");
        int tree = pdf.Add("");
        var image = Jpeg(jpeg);
        int shared = pdf.AddStream(image.Dictionary, image.Data);
        int contents = pdf.AddStream("", Encoding.ASCII.GetBytes($"q {PageWidth} 0 0 {PageHeight} 0 0 cm /Im0 Do Q\n"));
        var kids = new StringBuilder();
        for (int p = 0; p < pages; p++)
            kids.Append(pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
                $"/Resources << /XObject << /Im0 {shared} 0 R >> >> /Contents {contents} 0 R >>")).Append(" 0 R ");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        return pdf.Build(catalog);
    }

    /// <summary>A page whose image declares <paramref name="width"/> x <paramref name="height"/> samples over a small JPEG.</summary>
    public static byte[] DeclaringImageSize(byte[] jpeg, int width, int height)
    {
        var image = Jpeg(jpeg);
        var info = Image.Identify(jpeg)!;
        var dictionary = image.Dictionary.Replace($"/Width {info.Width} /Height {info.Height}", $"/Width {width} /Height {height}");
        return Scanned([new PageImage(dictionary, jpeg)]);
    }

    /// <summary>A scanned page behind the standard security handler (RC4, 40 bits) with a user password.</summary>
    public static byte[] Encrypted(byte[] jpeg)
    {
        string o = new('A', 64), u = new('B', 64), id = new('C', 32);
        return Scanned([Jpeg(jpeg)],
            trailerExtra: $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >> /ID [<{id}> <{id}>]");
    }

    /// <summary>
    /// A scanned page encrypted with an owner password only (RC4, 40 bits, revision 2): any reader opens it with the
    /// empty user password. The entries are computed as the standard security handler does (PDF 1.7, 7.6.3.3-4); the
    /// image is left in clear, which a reader refusing encrypted files never gets to notice.
    /// </summary>
    public static byte[] EncryptedOpenToAnyone(byte[] jpeg)
    {
        const int permissions = -44;
        byte[] id = Enumerable.Range(0, 16).Select(i => (byte)(i * 17)).ToArray();
        var owner = Rc4(MD5.HashData(Padded("owner"))[..5], Padded(""));
        var keyInput = new MemoryStream();
        keyInput.Write(Padded(""));
        keyInput.Write(owner);
        keyInput.Write(BitConverter.GetBytes(permissions)); // little-endian, as the handler wants
        keyInput.Write(id);
        var user = Rc4(MD5.HashData(keyInput.ToArray())[..5], Padding);
        return Scanned([Jpeg(jpeg)],
            trailerExtra: $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> " +
                $"/P {permissions} >> /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]");
    }

    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private static byte[] Padded(string password) => [.. Encoding.ASCII.GetBytes(password).Concat(Padding).Take(32)];

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + state[i] + key[i % key.Length]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
        }
        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + state[i]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
            output[n] = (byte)(data[n] ^ state[(state[i] + state[j]) & 0xFF]);
        }
        return output;
    }

    /// <summary>A scanned page whose trailer's /Prev names its own cross-reference table.</summary>
    public static byte[] CrossReferenceLoop(byte[] jpeg)
    {
        var pdf = new RawPdf();
        var image = Jpeg(jpeg);
        int catalog = pdf.Add("");
        int tree = pdf.Add("");
        int picture = pdf.AddStream(image.Dictionary, image.Data);
        int contents = pdf.AddStream("", Encoding.ASCII.GetBytes($"q {PageWidth} 0 0 {PageHeight} 0 0 cm /Im0 Do Q\n"));
        int page = pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
            $"/Resources << /XObject << /Im0 {picture} 0 R >> >> /Contents {contents} 0 R >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        return pdf.Build(catalog, prevPointsToItself: true);
    }

    /// <summary>A scanned page whose content stream inflates to <paramref name="bytes"/> bytes of blanks (a Flate bomb).</summary>
    public static byte[] InflatingContent(byte[] jpeg, int bytes)
    {
        var pdf = new RawPdf();
        var image = Jpeg(jpeg);
        int catalog = pdf.Add("");
        int tree = pdf.Add("");
        int picture = pdf.AddStream(image.Dictionary, image.Data);
        var drawing = Encoding.ASCII.GetBytes($"q {PageWidth} 0 0 {PageHeight} 0 0 cm /Im0 Do Q\n");
        var content = new byte[bytes];
        Array.Fill(content, (byte)' ');
        drawing.CopyTo(content, 0);
        int contents = pdf.AddStream("/Filter /FlateDecode", Zlib(content));
        int page = pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
            $"/Resources << /XObject << /Im0 {picture} 0 R >> >> /Contents {contents} 0 R >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        return pdf.Build(catalog);
    }

    /// <summary>A page tree whose only node lists itself as its child.</summary>
    public static byte[] PageTreeLoop()
    {
        var pdf = new RawPdf();
        int catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        return pdf.Build(catalog);
    }

    /// <summary>A page tree <paramref name="depth"/> nodes deep, for parsers that recurse once per level.</summary>
    public static byte[] DeepPageTree(int depth)
    {
        var pdf = new RawPdf();
        int catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int level = 0; level < depth; level++)
        {
            int self = pdf.Next, parent = level == 0 ? 0 : self - 1;
            string parentEntry = parent == 0 ? "" : $" /Parent {parent} 0 R";
            pdf.Add($"<< /Type /Pages{parentEntry} /Kids [{self + 1} 0 R] /Count 1 >>");
        }
        pdf.Add($"<< /Type /Page /Parent {pdf.Next - 1} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] >>");
        return pdf.Build(catalog);
    }

    /// <summary>A catalogue holding arrays nested <paramref name="depth"/> deep, for tokenisers that recurse.</summary>
    public static byte[] DeepArrays(int depth)
    {
        var pdf = new RawPdf();
        int catalog = pdf.Add($"<< /Type /Catalog /Pages 2 0 R /Deep {new string('[', depth)}{new string(']', depth)} >>");
        pdf.Add("<< /Type /Pages /Kids [] /Count 0 >>");
        return pdf.Build(catalog);
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }
}
