using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilgi.Inference.Remote;

/// <summary>The wire format of the inference service, for the service and its client alike (camelCase, source-generated).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RecognizeCropsRequest))]
[JsonSerializable(typeof(RecognizeCropsResponse))]
[JsonSerializable(typeof(DetectHandwritingRequest))]
[JsonSerializable(typeof(DetectHandwritingResponse))]
[JsonSerializable(typeof(ServiceHealth))]
[JsonSerializable(typeof(ServiceStats))]
[JsonSerializable(typeof(ProblemReply))]
public sealed partial class InferenceJson : JsonSerializerContext;

/// <summary>The parts of an RFC 9457 problem details reply the client reads; <see cref="Reason"/> is a Pilgi reason code.</summary>
public sealed record ProblemReply(string? Title, int? Status, string? Detail, string? Reason);
