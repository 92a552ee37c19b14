using Pilgi.Core.Templates;
using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class CrossFieldValidatorTests
{
    [Fact]
    public void Differing_amounts_both_get_amount_mismatch()
    {
        var outcomes = CrossFieldValidator.Check(new Dictionary<string, (FieldKind kind, string? value)>
        {
            ["sender"] = (FieldKind.Name, "홍길동"),
            ["amount"] = (FieldKind.Amount, "3,500,000"),
            ["amount_words"] = (FieldKind.AmountHangul, "일금 삼백오십오만 원정"),
        });

        Assert.Equal(["sender", "amount", "amount_words"], outcomes.Keys);
        Assert.True(outcomes["sender"].Valid);
        Assert.Equal(ValidationOutcome.Invalid(ValidationReasons.AmountMismatch), outcomes["amount"]);
        Assert.Equal(ValidationOutcome.Invalid(ValidationReasons.AmountMismatch), outcomes["amount_words"]);
    }

    [Fact]
    public void Matching_amounts_stay_valid_and_own_errors_win()
    {
        var same = CrossFieldValidator.Check(new Dictionary<string, (FieldKind kind, string? value)>
        {
            ["amount"] = (FieldKind.Amount, "₩3,500,000"),
            ["amount_words"] = (FieldKind.AmountHangul, "일금삼백오십만원정"),
        });
        Assert.All(same.Values, o => Assert.True(o.Valid));

        var broken = CrossFieldValidator.Check(new Dictionary<string, (FieldKind kind, string? value)>
        {
            ["amount"] = (FieldKind.Amount, "3,5000"),
            ["amount_words"] = (FieldKind.AmountHangul, "일금삼백오십만원정"),
        });
        Assert.Equal(ValidationReasons.AmountFormat, broken["amount"].Reason);
        Assert.True(broken["amount_words"].Valid);
    }

    [Fact]
    public void Rule_needs_exactly_one_of_each()
    {
        var outcomes = CrossFieldValidator.Check(new Dictionary<string, (FieldKind kind, string? value)>
        {
            ["a1"] = (FieldKind.Amount, "1000"),
            ["a2"] = (FieldKind.Amount, "2000"),
            ["words"] = (FieldKind.AmountHangul, "삼천원"),
        });
        Assert.All(outcomes.Values, o => Assert.True(o.Valid));
    }
}
