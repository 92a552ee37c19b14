namespace Pilgi.Storage;

/// <summary>A blob's bytes and the ETag they were read at.</summary>
public sealed record BlobContent(byte[] Data, string ETag);
