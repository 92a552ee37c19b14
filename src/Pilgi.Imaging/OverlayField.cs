using Pilgi.Core.Geometry;

namespace Pilgi.Imaging;

/// <summary>One field to mark on a review overlay: where it is, how it came out, and what was read.</summary>
public sealed record OverlayField(Box Box, OverlayState State, string Key, string? Value = null)
{
    /// <summary>"key: value", or just the key when nothing was read.</summary>
    public string LabelText => string.IsNullOrEmpty(Value) ? Key : $"{Key}: {Value}";
}
