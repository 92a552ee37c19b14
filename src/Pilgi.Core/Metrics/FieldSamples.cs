using Pilgi.Core.Fusion;
using Pilgi.Core.Labels;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Metrics;

/// <summary>Builds the per-field evaluation samples of one labelled page.</summary>
public static class FieldSamples
{
    /// <summary>
    /// One sample per template field that has handwritten label boxes tagged with its key. The reference is those
    /// boxes' text in reading order; the prediction is the field's value in <paramref name="predicted"/> (null when
    /// absent), with its confidence and whether it was accepted (a value, valid, not flagged for review). Label boxes
    /// naming a key the template lacks are ignored.
    /// </summary>
    public static IReadOnlyList<FieldSample> FromLabels(
        LabelDocument labels, FormTemplate template, IReadOnlyDictionary<string, FieldResult> predicted)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(predicted);
        var byField = labels.BoxesByField();
        var samples = new List<FieldSample>();
        foreach (var field in template.Fields)
        {
            if (!byField.TryGetValue(field.Key, out var boxes)) continue;
            string reference = ReadingOrder.Join(boxes.Select(b => b.Bounds).ToArray(), boxes.Select(b => b.Data).ToArray());
            var result = predicted.TryGetValue(field.Key, out var read) ? read : null;
            samples.Add(new FieldSample(template.Id, field.Key, field.Kind, reference, result?.Value, result?.Confidence ?? 0,
                result is { Value: not null, Valid: true, NeedsReview: false }));
        }
        return samples;
    }
}
