namespace Pilgi.Pipeline.Steps;

/// <summary>
/// Names of intermediate blobs in the work container, all under one prefix per orchestration instance, so that a
/// retried activity overwrites its own earlier output and two uploads never share a blob.
/// </summary>
public static class WorkBlobs
{
    public static string Page(string prefix, int page) => $"{prefix}/page-{page:000}.png";

    /// <summary>A photographed page as the upload shows it (its sheet straightened is <see cref="Page"/>), for the overlay.</summary>
    public static string Upload(string prefix, int page) => $"{prefix}/page-{page:000}-upload.png";

    /// <summary>The page's crops, packed (<see cref="CropSheet"/>).</summary>
    public static string CropSheet(string prefix, int page) => $"{prefix}/page-{page:000}-crops.png";

    /// <summary>The completion event of type <paramref name="eventType"/> as sent: its presence says a retry need not send it again.</summary>
    public static string SentEvent(string prefix, string eventType) => $"{prefix}/events/{eventType}.json";
}
