using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class RrnValidatorTests
{
    // The contract's checksum, written out independently of the code under test.
    private static string WithCheckDigit(string twelve)
    {
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (twelve[i] - '0') * weights[i];
        return twelve + (11 - sum % 11) % 10;
    }

    private static string Hyphenate(string thirteen) => thirteen[..6] + "-" + thirteen[6..];

    [Theory]
    [InlineData("900101123456")]  // 1900s man
    [InlineData("051231412345")]  // 2000s woman
    [InlineData("000229323456")]  // 2000-02-29 exists
    [InlineData("850615598765")]  // foreigner
    public void Valid_numbers_with_and_without_hyphen(string twelve)
    {
        string rrn = WithCheckDigit(twelve);
        Assert.Equal(ValidationOutcome.Ok, RrnValidator.Validate(rrn));
        Assert.Equal(ValidationOutcome.Ok, RrnValidator.Validate(Hyphenate(rrn)));
        Assert.Equal(ValidationOutcome.Ok, RrnValidator.Validate(" " + Hyphenate(rrn).Replace("-", " - ") + " "));
        Assert.Equal(rrn[^1] - '0', RrnValidator.ComputeCheckDigit(twelve));
    }

    [Fact]
    public void Wrong_check_digit_is_a_checksum_error()
    {
        string rrn = WithCheckDigit("900101123456");
        string wrong = rrn[..12] + (char)('0' + (rrn[12] - '0' + 1) % 10);
        Assert.Equal(ValidationOutcome.Invalid(ValidationReasons.RrnChecksum), RrnValidator.Validate(Hyphenate(wrong)));
    }

    [Theory]
    [InlineData("900101-123456")]     // too short
    [InlineData("9001011-234567")]    // hyphen misplaced
    [InlineData("90010a-1234567")]
    [InlineData("901301-1234567")]    // month 13
    [InlineData("010229-3234567")]    // 2001-02-29 does not exist
    public void Malformed_numbers_are_format_errors(string value)
    {
        Assert.Equal(ValidationReasons.RrnFormat, RrnValidator.Validate(value).Reason);
    }

    [Fact]
    public void Century_comes_from_the_gender_digit()
    {
        Assert.True(RrnValidator.TryGetBirthDate("0001013", out var d2000));
        Assert.Equal(new DateOnly(2000, 1, 1), d2000);
        Assert.True(RrnValidator.TryGetBirthDate("9912319", out var d1800));
        Assert.Equal(new DateOnly(1899, 12, 31), d1800);
    }
}
