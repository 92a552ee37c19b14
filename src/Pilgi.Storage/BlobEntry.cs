namespace Pilgi.Storage;

/// <summary>One listed blob: its name inside the container, its current ETag and when it was last written.</summary>
public sealed record BlobEntry(string Name, string ETag, DateTimeOffset? LastModified = null);
