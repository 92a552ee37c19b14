
namespace Pilgi.Storage.Tests;

/// <summary>
/// What every <see cref="IBlobStore"/> does, run against <see cref="FileBlobStore"/> and, when the variable
/// <see cref="AzureVariable"/> holds a connection string (e.g. <c>UseDevelopmentStorage=true</c> with Azurite
/// running), against <see cref="AzureBlobStore"/> too. Each test works under its own prefix, as the Azure account
/// is shared.
/// </summary>
public class BlobStoreContractTests : IDisposable
{
    public const string AzureVariable = "PILGI_TEST_STORAGE";

    private readonly TestStorage _files = TestStorage.CreateEmpty();
    private readonly string P = "t" + Guid.NewGuid().ToString("N")[..12] + "/";

    public static IEnumerable<object[]> Stores()
    {
        yield return ["file"];
        if (Environment.GetEnvironmentVariable(AzureVariable) is { Length: > 0 }) yield return ["azure"];
    }

    public void Dispose() => _files.Dispose();

    private IBlobStore Store(string kind) =>
        kind == "azure" ? new AzureBlobStore(Environment.GetEnvironmentVariable(AzureVariable)!) : _files.Files;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_written_blob_reads_back_with_the_etag_the_write_returned(string kind)
    {
        var store = Store(kind);
        var etag = await store.WriteAsync(StorageNames.Results, P + "remittance/2026/001.json", [1, 2, 3], ContentTypes.Json);

        var blob = await store.ReadAsync(StorageNames.Results, P + "remittance/2026/001.json");

        Assert.Equal([1, 2, 3], blob.Data);
        Assert.Equal(etag, blob.ETag);
        Assert.True(await store.ExistsAsync(StorageNames.Results, P + "remittance/2026/001.json"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Writing_again_overwrites_and_changes_the_etag(string kind)
    {
        var store = Store(kind);
        var first = await store.WriteAsync(StorageNames.Work, P + "page-001.png", [1], ContentTypes.Png);
        await Task.Delay(5);
        var second = await store.WriteAsync(StorageNames.Work, P + "page-001.png", [2, 2], ContentTypes.Png);

        Assert.NotEqual(first, second);
        Assert.Equal([2, 2], (await store.ReadAsync(StorageNames.Work, P + "page-001.png")).Data);
        var listed = Assert.Single(await store.ListAsync(StorageNames.Work, P));
        Assert.Equal((P + "page-001.png", second), (listed.Name, listed.ETag));
        Assert.InRange(listed.LastModified!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Listing_filters_by_prefix_and_orders_by_name(string kind)
    {
        var store = Store(kind);
        foreach (var name in new[] { "deposit/b.jpg", "remittance/x/1.jpg", "deposit/a.jpg", "depositx.jpg" })
            await store.WriteAsync(StorageNames.Scans, P + name, [0], "image/jpeg");

        var listed = await store.ListAsync(StorageNames.Scans, P + "deposit/");

        Assert.Equal([P + "deposit/a.jpg", P + "deposit/b.jpg"], listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.False(string.IsNullOrEmpty(b.ETag)));
        Assert.Equal(4, (await store.ListAsync(StorageNames.Scans, P)).Count);
        Assert.Empty(await store.ListAsync(StorageNames.Failed, P));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_missing_blob_is_reported_as_such(string kind)
    {
        var store = Store(kind);
        var e = await Assert.ThrowsAsync<BlobNotFoundException>(() => store.ReadAsync(StorageNames.Templates, P + "none.json"));
        Assert.Equal(StorageNames.Templates, e.Container);
        Assert.Equal(P + "none.json", e.Name);
        Assert.False(await store.ExistsAsync(StorageNames.Templates, P + "none.json"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Names_that_would_leave_the_container_are_refused(string kind)
    {
        var store = Store(kind);
        foreach (var name in new[] { "../outside.json", "a/../../outside.json", "/rooted.json", "a//b.json", "a\\b.json", "" })
            await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync(StorageNames.Results, name, [1], ContentTypes.Json));
    }
}
