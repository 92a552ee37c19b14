namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// Span and metric attribute names. What goes under them is about the scan, never from it: no text that was read
/// (names, RRNs, accounts, phones and amounts stay in the result blob).
/// </summary>
public static class TelemetryTags
{
    /// <summary>The upload's container path, <c>scans/remittance/2026/001.jpg</c>.</summary>
    public const string Scan = "pilgi.scan.path";
    public const string InstanceId = "pilgi.scan.instance_id";
    public const string Template = "pilgi.template";
    public const string Stage = "pilgi.stage";
    public const string Page = "pilgi.page";
    public const string Pages = "pilgi.pages";
    public const string Regions = "pilgi.regions";
    public const string Crops = "pilgi.crops";
    public const string Fields = "pilgi.fields";
    public const string FieldsRead = "pilgi.fields.read";
    public const string FieldsToReview = "pilgi.fields.needs_review";
    public const string FieldsInvalid = "pilgi.fields.invalid";
    public const string Outcome = "pilgi.outcome";
    public const string Reason = "pilgi.reason";

    /// <summary>Prefix of one tag per model role: <c>pilgi.model.recognizer</c> = <c>name@version</c>.</summary>
    public const string ModelPrefix = "pilgi.model.";

    /// <summary>Prefix of one tag per orchestration stage: <c>pilgi.stage.detect.ms</c>.</summary>
    public const string StageMsPrefix = "pilgi.stage.";
}
