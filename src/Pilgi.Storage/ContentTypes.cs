namespace Pilgi.Storage;

/// <summary>Content types of the blobs the pipeline writes.</summary>
public static class ContentTypes
{
    public const string Json = "application/json";
    public const string Png = "image/png";
}
