namespace Pilgi.Pipeline.Steps;

/// <summary>
/// Names of intermediate blobs in the work container, all under one prefix per orchestration instance, so that a
/// retried activity overwrites its own earlier output and two uploads never share a blob.
/// </summary>
public static class WorkBlobs
{
    public static string Page(string prefix, int page) => $"{prefix}/page-{page:000}.png";

    public static string Crop(string prefix, int page, int index) => $"{prefix}/page-{page:000}/crop-{index:000}.png";
}
