using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Templates;

public class FieldAlphabetsTests
{
    [Theory]
    [InlineData(FieldKind.Rrn, "900101-1234568")]
    [InlineData(FieldKind.Phone, "010-1234-5678")]
    [InlineData(FieldKind.Account, "123-456789-01-234")]
    [InlineData(FieldKind.Amount, "3,500,000원")]
    [InlineData(FieldKind.Date, "2026년 11월 25일")]
    [InlineData(FieldKind.Date, "2026.11.25")]
    [InlineData(FieldKind.AmountHangul, "일금 삼백오십만 원정")]
    [InlineData(FieldKind.Name, "홍길동")]
    [InlineData(FieldKind.Name, "KIM GILDONG")]
    public void Every_valid_value_fits_its_kinds_alphabet(FieldKind kind, string value)
    {
        var alphabet = FieldAlphabets.For(kind);
        Assert.NotNull(alphabet);
        Assert.All(value, c => Assert.Contains(c, alphabet));
    }

    [Theory]
    [InlineData(FieldKind.Rrn, 'O')]
    [InlineData(FieldKind.Account, 'ㅇ')]
    [InlineData(FieldKind.Amount, 'l')]
    [InlineData(FieldKind.Name, '1')]
    public void Look_alikes_from_other_scripts_are_excluded(FieldKind kind, char c) =>
        Assert.DoesNotContain(c, FieldAlphabets.For(kind)!);

    [Theory]
    [InlineData(FieldKind.Text)]
    [InlineData(FieldKind.Address)]
    [InlineData(FieldKind.Bank)]
    public void Free_text_kinds_are_unrestricted(FieldKind kind) => Assert.Null(FieldAlphabets.For(kind));
}
