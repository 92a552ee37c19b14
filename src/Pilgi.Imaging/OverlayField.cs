using Pilgi.Core.Geometry;

namespace Pilgi.Imaging;

/// <summary>
/// One field to mark on a review overlay: where it is, how it came out, and what was read; <see cref="Redacted"/>
/// fills its box so that the handwriting in it does not show.
/// </summary>
public sealed record OverlayField(Box Box, OverlayState State, string Key, string? Value = null, bool Redacted = false)
{
    /// <summary>"key: value", or just the key when nothing was read.</summary>
    public string LabelText => string.IsNullOrEmpty(Value) ? Key : $"{Key}: {Value}";
}
