
namespace Pilgi.Storage.Tests;

public class FileBlobStoreTests : IDisposable
{
    private readonly TestStorage _storage = TestStorage.CreateEmpty();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_container_is_a_folder_and_a_name_its_relative_path()
    {
        await _storage.Files.WriteAsync(StorageNames.Results, "remittance/2026/001.json", [1], ContentTypes.Json);

        var path = Path.Combine(_storage.Root, "results", "remittance", "2026", "001.json");
        Assert.True(File.Exists(path));
        Assert.Equal(path, _storage.Files.PathOf(StorageNames.Results, "remittance/2026/001.json"));
    }

    [Fact]
    public void Container_names_come_from_one_place()
    {
        Assert.Equal(["templates", "scans", "work", "results", "failed"], StorageNames.All);
        Assert.All(StorageNames.All, BlobNames.ValidateContainer);
    }
}
