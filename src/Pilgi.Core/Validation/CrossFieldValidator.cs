using Pilgi.Core.Templates;

namespace Pilgi.Core.Validation;

/// <summary>
/// Validates all fields of a form: each on its own, then rules across fields. Currently one rule: when a form has
/// exactly one <c>amount</c> and one <c>amount_hangul</c> field, both valid, and their values differ, both become
/// <c>amount_mismatch</c>.
/// </summary>
public static class CrossFieldValidator
{
    /// <summary>Outcomes keyed like the input, in the input's order.</summary>
    public static IReadOnlyDictionary<string, ValidationOutcome> Check(IReadOnlyDictionary<string, (FieldKind kind, string? value)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var outcomes = new Dictionary<string, ValidationOutcome>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, (kind, value)) in fields) outcomes[key] = FieldValidator.Validate(kind, value);

        var amountKeys = fields.Where(f => f.Value.kind == FieldKind.Amount).Select(f => f.Key).ToArray();
        var hangulKeys = fields.Where(f => f.Value.kind == FieldKind.AmountHangul).Select(f => f.Key).ToArray();
        if (amountKeys.Length == 1 && hangulKeys.Length == 1)
        {
            string amountKey = amountKeys[0], hangulKey = hangulKeys[0];
            if (outcomes[amountKey].Valid && outcomes[hangulKey].Valid
                && AmountParsing.TryParseDigits(fields[amountKey].value, out long digits)
                && AmountHangul.TryParse(fields[hangulKey].value, out long words)
                && digits != words)
            {
                outcomes[amountKey] = outcomes[hangulKey] = ValidationOutcome.Invalid(ValidationReasons.AmountMismatch);
            }
        }
        return outcomes;
    }
}
