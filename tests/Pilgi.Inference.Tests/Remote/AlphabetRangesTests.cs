using Pilgi.Inference.Remote;

namespace Pilgi.Inference.Tests.Remote;

public class AlphabetRangesTests
{
    [Fact]
    public void An_alphabet_travels_as_ranges_and_comes_back_with_the_same_characters()
    {
        var name = Pilgi.Core.Templates.FieldAlphabets.For(Pilgi.Core.Templates.FieldKind.Name)!;
        var ranges = AlphabetRanges.Encode(name);
        Assert.True(ranges.Length < 20, $"{ranges.Length} ranges");
        Assert.True(new string(name.Distinct().Order().ToArray()) == AlphabetRanges.Decode(ranges, 100_000), "the same characters");
        Assert.Equal([[45, 45], [48, 57]], AlphabetRanges.Encode("9-0123456788"));
    }

    [Fact]
    public void Ranges_that_are_not_characters_or_too_many_are_refused()
    {
        Assert.Throws<FormatException>(() => AlphabetRanges.Decode([[5, 1]], 100));
        Assert.Throws<FormatException>(() => AlphabetRanges.Decode([[0, 70_000]], 100_000));
        Assert.Throws<FormatException>(() => AlphabetRanges.Decode([[1, 2, 3]], 100));
        Assert.Throws<FormatException>(() => AlphabetRanges.Decode([[0, 200]], 100));
    }
}
