using Pilgi.Core.Results;

namespace Pilgi.Core.Fusion;

/// <summary>The <c>fields</c> (template order) and <c>regions</c> (input order) parts of a <see cref="ScanResult"/>.</summary>
public sealed record FusionResult(Dictionary<string, FieldResult> Fields, List<RegionResult> Regions);
