using System.Text;

namespace Pilgi.Imaging.Tests;

public class GlyphAtlasTests
{
    private readonly GlyphAtlas atlas = GlyphAtlas.Default;

    [Fact]
    public void Holds_the_ks_x_1001_syllables_ascii_and_form_symbols()
    {
        Assert.Equal(2350 + 95 + 5, atlas.GlyphCount);
        foreach (char c in "홍길동0123456789₩·※㈜–?ABCxyz가힝") Assert.True(atlas.Contains(c), $"missing {c}");
        Assert.False(atlas.Contains('똠')); // a modern syllable outside KS X 1001
    }

    [Fact]
    public void Hangul_glyphs_have_ink_and_a_full_width_advance()
    {
        var hong = atlas.Layout("홍").Single();

        Assert.InRange(hong.Advance, 17, 22);
        Assert.InRange(hong.Height, 12, atlas.LineHeight);
        int ink = 0;
        for (int row = 0; row < hong.Height; row++)
            foreach (byte coverage in atlas.CoverageRow(hong, row)) ink += coverage > 128 ? 1 : 0;
        Assert.True(ink > 30, $"only {ink} inked pixels");
    }

    [Fact]
    public void Unknown_characters_fall_back_to_a_question_mark()
    {
        var question = atlas.Layout("?").Single();

        Assert.Equal([question, question], atlas.Layout("똠😀"));
    }

    [Fact]
    public void Decomposed_hangul_is_composed_first()
    {
        string decomposed = "홍길동".Normalize(NormalizationForm.FormD);

        Assert.Equal(atlas.Layout("홍길동"), atlas.Layout(decomposed));
    }

    [Fact]
    public void Measures_text_by_advances()
    {
        Assert.Equal(atlas.Layout("1").Single().Advance * 3, atlas.MeasureWidth("111"));
        Assert.Equal(0, atlas.MeasureWidth(""));
    }
}
