using Pilgi.Inference.Models;

namespace Pilgi.Inference.Tests.Models;

public class SpecialistModelTests
{
    private static readonly SpecialistModel Digits = new() { File = "d.onnx", Reads = "0123456789-.,/₩원년월일() " };

    [Theory]
    [InlineData("0123456789-")]
    [InlineData("0123456789.-/년월일 ")]
    [InlineData("0123456789,.원₩ ")]
    public void Takes_a_line_whose_alphabet_it_reads_whole(string alphabet) => Assert.True(Digits.Takes(alphabet));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789A")]
    [InlineData("일이삼사오육칠팔구십백천만억조영금원정 ")]
    public void Leaves_any_other_line_to_the_main_model(string? alphabet) => Assert.False(Digits.Takes(alphabet));
}
