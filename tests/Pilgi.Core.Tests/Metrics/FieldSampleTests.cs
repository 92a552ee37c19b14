using Pilgi.Core.Metrics;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Metrics;

public class FieldSampleTests
{
    [Theory]
    [InlineData("홍 길동", "홍길동", true)]
    [InlineData("010-1234-5678", "010-1234-5678", true)]
    [InlineData("홍길동", "홍길둥", false)]
    [InlineData("홍길동", null, false)]
    public void Is_exact_when_read_and_equal_after_normalisation(string reference, string? predicted, bool exact) =>
        Assert.Equal(exact, new FieldSample("remittance", "sender", FieldKind.Name, reference, predicted).IsExact);
}
