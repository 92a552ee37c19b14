using System.Globalization;

namespace Pilgi.Storage;

/// <summary>
/// Blob storage on local disk: a folder per container under <see cref="Root"/>, a blob's name as its relative path.
/// For the CLI and fast tests. Writes go to a temporary file first and are moved into place, so a reader never sees
/// half a blob. The ETag changes whenever the file is rewritten (last-write time and length).
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private const string TempFolder = ".pilgi-tmp";

    public FileBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The file that holds a blob (whether or not it exists).</summary>
    public string PathOf(string container, string name)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.Validate(name);
        return Path.Combine(Root, container, Path.Combine(name.Split('/')));
    }

    public async Task<BlobContent> ReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        // a concurrent rewrite between reading and stat-ing would pair old bytes with a new ETag: read again then
        for (int attempt = 0; ; attempt++)
        {
            var before = ETagOf(path) ?? throw new BlobNotFoundException(container, name);
            byte[] data;
            try
            {
                data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new BlobNotFoundException(container, name);
            }
            var after = ETagOf(path);
            if (after == before || attempt >= 3) return new BlobContent(data, after ?? before);
        }
    }

    public async Task<string> WriteAsync(string container, string name, byte[] data, string contentType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var path = PathOf(container, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tempDir = Path.Combine(Root, TempFolder);
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N"));
        try
        {
            await File.WriteAllBytesAsync(temp, data, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return ETagOf(path) ?? throw new IOException($"Blob '{container}/{name}' vanished right after it was written.");
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(container, name)));

    public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        ArgumentNullException.ThrowIfNull(prefix);
        var dir = Path.Combine(Root, container);
        var entries = new List<BlobEntry>();
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
                if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (ETagOf(file) is { } etag) entries.Add(new BlobEntry(name, etag, File.GetLastWriteTimeUtc(file)));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return Task.FromResult<IReadOnlyList<BlobEntry>>(entries);
    }

    public Uri UriOf(string container, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0) return new Uri(PathOf(container, name));
        BlobNames.ValidateContainer(container);
        return new Uri(Path.Combine(Root, container) + Path.DirectorySeparatorChar);
    }

    private static string? ETagOf(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return "\"" + info.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture) + "-" +
               info.Length.ToString("x", CultureInfo.InvariantCulture) + "\"";
    }
}
