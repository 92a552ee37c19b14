using Pilgi.Core.Results;
using Pilgi.Imaging;

namespace Pilgi.Pipeline.Steps;

/// <summary>What a review overlay shows of a result: each read field's box, state and value on its page.</summary>
public static class ResultOverlay
{
    /// <param name="redacted">Keys of the fields whose boxes are filled so their handwriting does not show.</param>
    public static IEnumerable<OverlayField> Fields(ScanResult result, int page, IReadOnlySet<string>? redacted = null)
    {
        foreach (var (key, field) in result.Fields)
        {
            if (field.Box is not { } box || field.Page != page) continue;
            var state = !field.Valid ? OverlayState.Invalid : field.NeedsReview ? OverlayState.NeedsReview : OverlayState.Valid;
            yield return new OverlayField(box, state, key, field.Value, redacted?.Contains(key) == true);
        }
    }
}
