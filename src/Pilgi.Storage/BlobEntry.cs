namespace Pilgi.Storage;

/// <summary>
/// One listed blob: its name inside the container, its current ETag, when it was last written, and its metadata
/// (null where there is none, or the store keeps none, as a folder does; read it with <see cref="BlobMetadata"/>).
/// </summary>
public sealed record BlobEntry(string Name, string ETag, DateTimeOffset? LastModified = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
