using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace Pilgi.Storage.Tests;

/// <summary>
/// The queues beside the blobs: a folder's keeps messages in the order they came; Azure Storage's (when
/// <see cref="BlobStoreContractTests.AzureVariable"/> is set) stores them base64-encoded, as a Functions queue trigger
/// reads them. Also where a blob lives (<see cref="IBlobStore.UriOf"/>) and its listed metadata.
/// </summary>
public class MessageQueueTests : IDisposable
{
    private readonly TestStorage _files = TestStorage.CreateEmpty();

    public void Dispose() => _files.Dispose();

    private static string? Azure => Environment.GetEnvironmentVariable(BlobStoreContractTests.AzureVariable) is { Length: > 0 } s ? s : null;

    [Fact]
    public async Task A_folder_queue_keeps_messages_in_order_beside_the_containers()
    {
        var queue = new FolderMessageQueue(_files.Root);

        foreach (var m in new[] { "{\"n\":1}", "{\"n\":2,\"이름\":\"홍길동\"}", "{\"n\":3}" }) await queue.SendAsync(StorageNames.ScanEvents, m);

        Assert.Equal(["{\"n\":1}", "{\"n\":2,\"이름\":\"홍길동\"}", "{\"n\":3}"], queue.Peek(StorageNames.ScanEvents));
        Assert.Empty(queue.Peek("other-queue"));
        Assert.Empty(await _files.Files.ListAsync(StorageNames.ScanEvents)); // not a container of the store
        Assert.Throws<ArgumentException>(() => queue.FolderOf("../escape"));
    }

    [AzureStorageFact]
    public async Task An_azure_queue_stores_each_message_as_base64_of_its_utf8_text()
    {
        string connection = Azure!;
        string name = "t" + Guid.NewGuid().ToString("N")[..12];
        await new AzureMessageQueue(connection).SendAsync(name, "{\"scan\":\"scans/송금/001.jpg\"}");

        var raw = new QueueClient(connection, name);
        var peeked = Assert.Single((await raw.PeekMessagesAsync(32)).Value);
        Assert.Equal("{\"scan\":\"scans/송금/001.jpg\"}", Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString())));
        await raw.DeleteAsync();
    }

    [Fact]
    public void A_blobs_uri_is_its_file_or_its_url()
    {
        var file = _files.Files.UriOf(StorageNames.Results, "remittance/2026/001.json");
        Assert.True(file.IsFile);
        Assert.Equal(_files.Files.PathOf(StorageNames.Results, "remittance/2026/001.json"), file.LocalPath);

        var azure = new AzureBlobStore("UseDevelopmentStorage=true");
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/results/remittance/2026/001.json",
            azure.UriOf(StorageNames.Results, "remittance/2026/001.json").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/results", azure.UriOf(StorageNames.Results, "").AbsoluteUri);
        Assert.Throws<ArgumentException>(() => azure.UriOf(StorageNames.Results, "../x"));
    }

    [Fact]
    public async Task A_folder_keeps_no_metadata_and_a_correlation_id_is_found_whatever_the_names_case()
    {
        await _files.Files.WriteAsync(StorageNames.Scans, "remittance/a.jpg", [1], "image/jpeg");
        Assert.Null(Assert.Single(await _files.Files.ListAsync(StorageNames.Scans)).Metadata);
        Assert.Equal("crm-1", BlobMetadata.ValueOf(new Dictionary<string, string> { ["CorrelationID"] = " crm-1 " }, StorageNames.CorrelationIdMetadata));
        Assert.Null(BlobMetadata.ValueOf(new Dictionary<string, string> { ["correlationid"] = "  " }, StorageNames.CorrelationIdMetadata));
    }

    [AzureStorageFact]
    public async Task An_azure_listing_carries_the_uploaders_metadata()
    {
        var store = new AzureBlobStore(Azure!);
        string prefix = "t" + Guid.NewGuid().ToString("N")[..12] + "/";
        var container = store.Service.GetBlobContainerClient(StorageNames.Scans);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(prefix + "a.jpg").UploadAsync(new BinaryData(new byte[] { 1 }),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [StorageNames.CorrelationIdMetadata] = "crm-2" } });
        var listed = Assert.Single(await store.ListAsync(StorageNames.Scans, prefix));
        Assert.Equal("crm-2", BlobMetadata.ValueOf(listed.Metadata, StorageNames.CorrelationIdMetadata));
    }
}

/// <summary>A fact that is skipped, saying why, unless <see cref="BlobStoreContractTests.AzureVariable"/> names an account.</summary>
public sealed class AzureStorageFactAttribute : FactAttribute
{
    public AzureStorageFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(BlobStoreContractTests.AzureVariable) is not { Length: > 0 })
            Skip = $"Needs Azure Storage or Azurite: {BlobStoreContractTests.AzureVariable} is not set (bash tests/run.sh sets it).";
    }
}
