using System.Security.Cryptography;
using System.Text;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// Orchestration instance ids derived from what was uploaded: the scan's container path and its ETag. A blob
/// trigger that fires twice for the same upload schedules the same instance (one result); a re-upload (new ETag)
/// gets a new instance.
/// </summary>
public static class ScanInstanceIds
{
    public const string Prefix = "scan-";

    /// <summary><c>scan-</c> and the first 32 hex digits of SHA-256 over <c>path|etag</c> (ETag quotes ignored).</summary>
    /// <param name="path">The container path, e.g. <c>scans/remittance/001.jpg</c>.</param>
    public static string For(string path, string etag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(etag);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(path + "|" + NormalizeETag(etag)));
        return Prefix + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>The ETag without the quotes (and weak-validator prefix) some APIs put around it.</summary>
    public static string NormalizeETag(string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        var e = etag.Trim();
        if (e.StartsWith("W/", StringComparison.Ordinal)) e = e[2..];
        return e.Trim('"');
    }
}
