using System.Reflection;
using System.Text;
using System.Text.Json;
using Pilgi.Core.Raster;

namespace Pilgi.Imaging;

/// <summary>
/// Pre-rendered glyphs (NanumGothic, 20 px) for writing labels without a font engine: the
/// 2,350 KS X 1001 Hangul syllables, printable ASCII and ₩ · ※ ㈜ –. The atlas image holds ink
/// coverage (255 = full ink). Made by Resources/make_glyph_atlas.py and embedded in this assembly.
/// </summary>
public sealed class GlyphAtlas
{
    private const string ImageResource = "Pilgi.Imaging.Resources.glyph_atlas.png";
    private const string IndexResource = "Pilgi.Imaging.Resources.glyph_atlas.json";
    private const int FallbackCodePoint = '?';

    private static readonly Lazy<GlyphAtlas> Embedded = new(LoadEmbedded);

    private readonly GrayImage coverage;
    private readonly Dictionary<int, Glyph> glyphs;

    private GlyphAtlas(GrayImage coverage, Dictionary<int, Glyph> glyphs, int lineHeight)
    {
        if (!glyphs.ContainsKey(FallbackCodePoint)) throw new InvalidDataException("The glyph atlas has no '?' glyph.");
        this.coverage = coverage;
        this.glyphs = glyphs;
        LineHeight = lineHeight;
    }

    /// <summary>The atlas embedded in Pilgi.Imaging, loaded on first use.</summary>
    public static GlyphAtlas Default => Embedded.Value;

    /// <summary>Height of one line of text in pixels (ascent + descent).</summary>
    public int LineHeight { get; }

    public int GlyphCount => glyphs.Count;

    public bool Contains(char character) => glyphs.ContainsKey(character);

    /// <summary>The glyph for <paramref name="rune"/>, or '?' when the atlas lacks it.</summary>
    public Glyph GlyphFor(Rune rune) =>
        glyphs.TryGetValue(rune.Value, out var glyph) ? glyph : glyphs[FallbackCodePoint];

    /// <summary>The glyphs that draw <paramref name="text"/> on one line, in order.</summary>
    public IReadOnlyList<Glyph> Layout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Korean typed on macOS arrives as decomposed jamo; the atlas holds composed syllables.
        string composed = text.Normalize(NormalizationForm.FormC);
        var line = new List<Glyph>(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
            line.Add(GlyphFor(Rune.IsControl(rune) ? new Rune(' ') : rune));
        return line;
    }

    public int MeasureWidth(string text) => Layout(text).Sum(g => g.Advance);

    /// <summary>Ink coverage (0..255) of one row of a glyph's cell.</summary>
    public ReadOnlySpan<byte> CoverageRow(Glyph glyph, int row) =>
        coverage.Row(glyph.Y + row).Slice(glyph.X, glyph.Width);

    private static GlyphAtlas LoadEmbedded()
    {
        var assembly = typeof(GlyphAtlas).Assembly;
        var image = ImageCodec.LoadGray(ReadResource(assembly, ImageResource), ImageResource);
        var index = JsonSerializer.Deserialize<AtlasIndex>(ReadResource(assembly, IndexResource), JsonOptions)
            ?? throw new InvalidDataException("The glyph atlas index is empty.");

        var glyphs = new Dictionary<int, Glyph>(index.Glyphs.Count);
        foreach (var (character, cell) in index.Glyphs)
        {
            if (cell.Length != 7 || !Rune.TryGetRuneAt(character, 0, out var rune))
                throw new InvalidDataException($"The glyph atlas entry for '{character}' is malformed.");
            glyphs[rune.Value] = new Glyph(cell[0], cell[1], cell[2], cell[3], cell[4], cell[5], cell[6]);
        }
        return new GlyphAtlas(image, glyphs, index.LineHeight);
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The JSON written by make_glyph_atlas.py; each glyph is [x, y, w, h, ox, oy, advance].</summary>
    private sealed record AtlasIndex(int LineHeight, Dictionary<string, int[]> Glyphs);
}
