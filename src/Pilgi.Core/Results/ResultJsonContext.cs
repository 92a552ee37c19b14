using System.Text.Json.Serialization;

namespace Pilgi.Core.Results;

/// <summary>Source-generated metadata, so results serialise without reflection (trimming/AOT safe).</summary>
[JsonSerializable(typeof(ScanResult))]
[JsonSerializable(typeof(ErrorRecord))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
