namespace Pilgi.Core.Results;

/// <summary>The document the pipeline writes for one scan (a contract: see <see cref="ResultJson"/> for the JSON).</summary>
public sealed record ScanResult
{
    /// <summary>The scan's name as the user gave it (blob or relative path).</summary>
    public string Scan { get; init; } = "";

    /// <summary>Template id; null when no template was identified.</summary>
    public string? Template { get; init; }

    public int Pages { get; init; }

    /// <summary>Field key -> result, in template field order.</summary>
    public Dictionary<string, FieldResult> Fields { get; init; } = new(StringComparer.Ordinal);

    public List<RegionResult> Regions { get; init; } = [];

    /// <summary>Model role (detector, recognizer, …) -> model name/version.</summary>
    public Dictionary<string, string> Models { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Stage -> milliseconds, e.g. <c>totalMs</c>.</summary>
    public Dictionary<string, double> Timings { get; init; } = new(StringComparer.Ordinal);
}
