namespace Pilgi.Storage;

/// <summary>Reading a blob's metadata (name-value pairs an uploader sets, <c>x-ms-meta-&lt;name&gt;</c>).</summary>
public static class BlobMetadata
{
    /// <summary>
    /// The value under <paramref name="key"/>, trimmed (names compare case-insensitively, as Azure Storage's do); null when
    /// there is no metadata, no such name, or only blanks.
    /// </summary>
    public static string? ValueOf(IReadOnlyDictionary<string, string>? metadata, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (metadata is null) return null;
        foreach (var (name, value) in metadata)
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                return value.Trim();
        return null;
    }
}
