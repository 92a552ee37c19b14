using Pilgi.Storage;

namespace Pilgi.TestSupport;

/// <summary>
/// A <see cref="FileBlobStore"/> in a temporary folder, seeded like a deployment: the sample templates in
/// <c>templates/</c> and each sample scan <c>&lt;layout&gt;-0001.jpg</c> at <c>scans/&lt;layout&gt;/&lt;layout&gt;-0001.jpg</c>.
/// </summary>
public sealed class TestStorage : IDisposable
{
    private TestStorage(string root)
    {
        Root = root;
        Files = new FileBlobStore(root);
        Store = new CountingBlobStore(Files);
    }

    public string Root { get; }
    public FileBlobStore Files { get; }

    /// <summary>The store the pipeline uses: counts reads per blob.</summary>
    public CountingBlobStore Store { get; }

    public static TestStorage CreateEmpty() => new(Directory.CreateTempSubdirectory("pilgi-blobs-").FullName);

    public static TestStorage CreateSeeded()
    {
        var storage = CreateEmpty();
        foreach (var file in Directory.GetFiles(RepoPaths.SampleTemplates))
            storage.Put(StorageNames.Templates, Path.GetFileName(file), File.ReadAllBytes(file));
        foreach (var scan in SampleScans.All)
            storage.Put(StorageNames.Scans, scan.BlobName, File.ReadAllBytes(scan.FilePath));
        return storage;
    }

    public string Put(string container, string name, byte[] data) =>
        Files.WriteAsync(container, name, data, "application/octet-stream").GetAwaiter().GetResult();

    public async Task<List<string>> NamesAsync(string container, string prefix = "") =>
        (await Files.ListAsync(container, prefix)).Select(b => b.Name).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
