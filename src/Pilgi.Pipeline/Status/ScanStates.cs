namespace Pilgi.Pipeline.Status;

/// <summary>Where an upload in <c>scans</c> stands, as <see cref="ScanStatusQuery"/> sees it from the blobs alone.</summary>
public static class ScanStates
{
    /// <summary>Its result document (and overlays) are in <c>results</c>, written after this upload.</summary>
    public const string Read = "read";

    /// <summary>Its error record is in <c>failed</c>, for this upload.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// Neither a result nor an error record for this upload yet: being read, or waiting for a host to pick it up
    /// (a re-upload is in flight again until its own result is written).
    /// </summary>
    public const string InFlight = "in_flight";

    /// <summary>Not a scan the pipeline reads: not a jpg/jpeg/png/tif/tiff, or not under <c>scans/&lt;templateId&gt;/</c>.</summary>
    public const string Ignored = "ignored";

    /// <summary>Why an upload is <see cref="Ignored"/>: its extension is not a scan's.</summary>
    public const string NotAScan = "not_a_scan";

    /// <summary>Why an upload is <see cref="Ignored"/>: it lies at the top of <c>scans</c>, in no template's folder.</summary>
    public const string NoTemplateFolder = "no_template_folder";
}
