using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// The <c>data</c> of a completion event (camelCase JSON; absent values are left out): what a document system needs
/// to fetch the outcome and match it to its own record, nothing read off the form.
/// </summary>
/// <param name="Scan">The upload's container path, <c>scans/remittance/2026/001.jpg</c> (also the event's <c>subject</c>).</param>
/// <param name="Template">The form (the first folder under <c>scans/</c>).</param>
/// <param name="Status"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Blob">The result document (<c>results/…json</c>), or for a failure the error record (<c>failed/…json</c>).</param>
/// <param name="BlobUri">Where <paramref name="Blob"/> can be read.</param>
/// <param name="InstanceId">The orchestration instance that read the scan (path + ETag).</param>
public sealed record ScanEventData(string Scan, string Template, string Status, string Blob, string BlobUri, string InstanceId, int Pages)
{
    /// <summary>The template's fields in the result (succeeded only).</summary>
    public int? Fields { get; init; }

    /// <summary>Fields a value was read for (succeeded only).</summary>
    public int? FieldsRead { get; init; }

    /// <summary>Fields flagged for review (succeeded only).</summary>
    public int? NeedsReview { get; init; }

    /// <summary>The failure's reason code, as in the error record (failed only).</summary>
    public string? Reason { get; init; }

    /// <summary>The failure's message, personal numbers masked, as in the error record (failed only).</summary>
    public string? Message { get; init; }

    /// <summary>The uploader's <c>correlationid</c> blob metadata, echoed; absent when the upload had none.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>camelCase, nulls left out, Hangul as is.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
