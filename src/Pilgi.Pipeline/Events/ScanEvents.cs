using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Messaging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// A scan's completion event as a CloudEvent 1.0: <c>type</c> from its outcome (<see cref="ScanEventTypes"/>),
/// <c>source</c> the deployment, <c>subject</c> the scan's container path, <c>time</c> when the orchestration ended, and
/// an <c>id</c> derived from the instance and the type, so that every retry or replay sends the same id and a consumer
/// drops the copies (CloudEvents: same source and id, same event).
/// </summary>
public static class ScanEvents
{
    /// <summary>The type of the event an outcome publishes; null for a superseded upload (the newer upload's instance publishes).</summary>
    public static string? TypeOf(ReadScanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            ReadScanOutcome.Succeeded => ScanEventTypes.Completed,
            ReadScanOutcome.Failed => ScanEventTypes.Failed,
            _ => null,
        };
    }

    /// <summary>The first 32 hex digits of SHA-256 over <c>instanceId|type</c>.</summary>
    public static string IdOf(string instanceId, string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId + "|" + type)))[..32];
    }

    /// <summary>The event for <paramref name="request"/>'s outcome; <paramref name="blobUri"/> is where its result or error record is.</summary>
    /// <exception cref="ArgumentException">The outcome publishes no event (superseded) or names no blob.</exception>
    public static CloudEvent Create(ScanEventRequest request, string source, Uri blobUri)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(blobUri);
        var outcome = request.Outcome;
        string type = TypeOf(outcome) ?? throw new ArgumentException($"A '{outcome.Status}' scan publishes no completion event.", nameof(request));
        if (string.IsNullOrEmpty(outcome.Blob)) throw new ArgumentException($"The outcome of {outcome.Scan} names no blob.", nameof(request));
        var data = new ScanEventData(request.Job.Path, request.Job.TemplateId, outcome.Status, outcome.Blob, blobUri.AbsoluteUri,
            request.InstanceId, outcome.Pages)
        {
            Fields = outcome.Fields,
            FieldsRead = outcome.FieldsRead,
            NeedsReview = outcome.NeedsReview,
            Reason = outcome.Reason,
            Message = outcome.Message,
            CorrelationId = request.Job.CorrelationId,
        };
        return new CloudEvent(source, type, BinaryData.FromObjectAsJson(data, ScanEventData.JsonOptions), "application/json",
            CloudEventDataFormat.Json)
        {
            Id = IdOf(request.InstanceId, type),
            Subject = request.Job.Path,
            Time = request.Time,
        };
    }

    /// <summary>The event as structured CloudEvents JSON (one event, not a batch).</summary>
    public static string ToJson(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return JsonSerializer.Serialize(cloudEvent, ScanEventData.JsonOptions);
    }
}
