namespace Pilgi.Storage;

/// <summary>
/// The blob containers of the storage contract, named in this one place: hosts, tests and <c>infra/</c> read them
/// from here.
/// <list type="bullet">
/// <item><c>templates/&lt;id&gt;.json</c> + <c>templates/&lt;id&gt;.png</c>: registered forms (adding a form is an upload).</item>
/// <item><c>scans/&lt;templateId&gt;/&lt;path&gt;.{jpg,png,tif,tiff}</c>: uploads; never moved or deleted by the pipeline.</item>
/// <item><c>work/&lt;instanceId&gt;/…</c>: normalised pages and crops that activities pass to each other by name.</item>
/// <item><c>results/&lt;templateId&gt;/&lt;path&gt;.json</c> (+ <c>.overlay.png</c>): what was read.</item>
/// <item><c>failed/&lt;templateId&gt;/&lt;path&gt;.json</c>: an error record with a stable reason code.</item>
/// </list>
/// and the queue <see cref="ScanEvents"/>, where a scan's completion event goes locally (and where the example Event
/// Grid subscription delivers in Azure).
/// </summary>
public static class StorageNames
{
    public const string Templates = "templates";
    public const string Scans = "scans";
    public const string Work = "work";
    public const string Results = "results";
    public const string Failed = "failed";

    /// <summary>Every container of the contract, in pipeline order.</summary>
    public static IReadOnlyList<string> All { get; } = [Templates, Scans, Work, Results, Failed];

    /// <summary>The queue of completion events (CloudEvents JSON, base64 in each message as a Functions queue trigger reads it).</summary>
    public const string ScanEvents = "scan-events";

    /// <summary>
    /// The metadata key an uploader may set on a scan blob (<c>x-ms-meta-correlationid</c>): its value is echoed in the
    /// scan's completion event, so the document system finds its own record again.
    /// </summary>
    public const string CorrelationIdMetadata = "correlationid";
}
