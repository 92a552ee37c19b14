using System.Diagnostics.CodeAnalysis;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Privacy;

/// <summary>Results and error records with their personal numbers masked (<see cref="PiiMasker"/>).</summary>
public static class ResultMasking
{
    /// <summary>
    /// The result with each field's value and the text of the regions assigned to it masked by the field's kind
    /// (<see cref="PiiMasker.MaskField"/>), and regions of no field masked as free text. The scan's name, boxes,
    /// confidences and validation stay as they are: validation ran on what was read.
    /// </summary>
    public static ScanResult MaskPii(this ScanResult result, FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(template);
        var fields = new Dictionary<string, FieldResult>(result.Fields.Count, StringComparer.Ordinal);
        foreach (var (key, field) in result.Fields) fields[key] = field with { Value = MaskValue(template, key, field.Value) };
        return result with
        {
            Fields = fields,
            Regions = result.Regions.Select(r => r with { Text = MaskValue(template, r.Field, r.Text) }).ToList(),
        };
    }

    /// <summary>The record with its message masked as free text (scan names and refusals can hold personal numbers).</summary>
    public static ErrorRecord MaskPii(this ErrorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { Message = PiiMasker.Mask(record.Message) };
    }

    /// <summary>The keys of the template's fields that hold personal numbers (rrn, phone, account).</summary>
    public static IReadOnlySet<string> PersonalNumberFields(this FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Fields.Where(f => PiiMasker.IsPersonalNumber(f.Kind)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
    }

    [return: NotNullIfNotNull(nameof(value))]
    private static string? MaskValue(FormTemplate template, string? key, string? value) =>
        key is not null && template.TryGetField(key) is { } field ? PiiMasker.MaskField(value, field.Kind) : PiiMasker.Mask(value);
}
