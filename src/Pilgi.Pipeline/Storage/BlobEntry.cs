namespace Pilgi.Pipeline.Storage;

/// <summary>One listed blob: its name inside the container and its current ETag.</summary>
public sealed record BlobEntry(string Name, string ETag);
