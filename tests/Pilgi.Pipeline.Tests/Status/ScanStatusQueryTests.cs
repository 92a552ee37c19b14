using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Status;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Status;

/// <summary>
/// <see cref="ScanStatusQuery"/> on blobs on disk, each written at a chosen time: which result or error record belongs
/// to which upload.
/// </summary>
public sealed class ScanStatusQueryTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pilgi-status-");
    private readonly FileBlobStore _blobs;

    public ScanStatusQueryTests() => _blobs = new FileBlobStore(_dir.FullName);

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_result_counts_for_the_upload_it_names_and_was_written_after()
    {
        await PutAsync(StorageNames.Scans, "a/001.jpg", [1], T0);
        await PutAsync(StorageNames.Scans, "a/001.png", [2], T0);
        await PutAsync(StorageNames.Scans, "a/002.jpg", [3], T0.AddMinutes(5)); // uploaded again after its result
        await PutAsync(StorageNames.Results, "a/001.json", ResultJson.SerializeToUtf8Bytes(Result("scans/a/001.png", pages: 2)), T0.AddMinutes(1));
        await PutAsync(StorageNames.Results, "a/001.overlay.png", [9], T0.AddMinutes(1));
        await PutAsync(StorageNames.Results, "a/001.overlay-2.png", [9], T0.AddMinutes(1));
        await PutAsync(StorageNames.Results, "a/002.json", ResultJson.SerializeToUtf8Bytes(Result("scans/a/002.jpg", pages: 1)), T0.AddMinutes(1));

        var all = (await new ScanStatusQuery(_blobs).ListAsync()).ToDictionary(s => s.Scan);

        Assert.Equal(["a/001.jpg", "a/001.png", "a/002.jpg"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ScanStates.InFlight, all["a/001.jpg"].State); // a/001.png's result shares its name
        var png = all["a/001.png"];
        Assert.Equal(ScanStates.Read, png.State);
        Assert.Equal((2, 1, 1), (png.Fields, png.FieldsRead, png.NeedsReview));
        Assert.Equal(["a/001.overlay.png", "a/001.overlay-2.png"], png.OverlayBlobs);
        Assert.Equal(new DateTimeOffset(T0.AddMinutes(1)), png.Ended);
        Assert.Equal(ScanStates.InFlight, all["a/002.jpg"].State);
        Assert.Null(all["a/002.jpg"].Ended);
    }

    [Fact]
    public async Task An_error_record_counts_for_the_upload_whose_instance_failed()
    {
        var old = await PutAsync(StorageNames.Scans, "a/003.jpg", [1], T0);
        await PutAsync(StorageNames.Failed, "a/003.json", ResultJson.SerializeToUtf8Bytes(Failure("scans/a/003.jpg", old)), T0.AddMinutes(1));
        var current = await PutAsync(StorageNames.Scans, "a/004.jpg", [2], T0);
        await PutAsync(StorageNames.Failed, "a/004.json", ResultJson.SerializeToUtf8Bytes(Failure("scans/a/004.jpg", current)), T0.AddMinutes(1));
        await PutAsync(StorageNames.Scans, "a/003.jpg", [1, 1], T0.AddMinutes(2)); // a new upload: a new instance

        var query = new ScanStatusQuery(_blobs);
        var reuploaded = await query.GetAsync("a/003.jpg");
        var failed = await query.GetAsync("scans/a/004.jpg");

        Assert.Equal(ScanStates.InFlight, reuploaded!.State);
        Assert.Equal(ScanStates.Failed, failed!.State);
        Assert.Equal(("image_corrupt", "a/004.json"), (failed.Reason, failed.FailureBlob));
        Assert.Equal(ScanInstanceIds.For("scans/a/004.jpg", current), failed.InstanceId);
    }

    [Fact]
    public async Task With_both_a_result_and_an_error_record_of_the_upload_the_one_written_last_wins()
    {
        var etag = await PutAsync(StorageNames.Scans, "a/005.jpg", [1], T0);
        await PutAsync(StorageNames.Results, "a/005.json", ResultJson.SerializeToUtf8Bytes(Result("scans/a/005.jpg", pages: 1)), T0.AddMinutes(1));
        await PutAsync(StorageNames.Failed, "a/005.json", ResultJson.SerializeToUtf8Bytes(Failure("scans/a/005.jpg", etag)), T0.AddMinutes(2));

        var status = await new ScanStatusQuery(_blobs).GetAsync("a/005.jpg");

        Assert.Equal(ScanStates.Failed, status!.State);
    }

    [Fact]
    public async Task Blobs_the_pipeline_never_reads_are_ignored_with_the_reason_and_unknown_names_are_null()
    {
        await PutAsync(StorageNames.Scans, "top.jpg", [1], T0);
        await PutAsync(StorageNames.Scans, "a/readme.txt", [1], T0);

        var query = new ScanStatusQuery(_blobs);
        var top = await query.GetAsync("top.jpg");
        var text = await query.GetAsync("a/readme.txt");

        Assert.Equal((ScanStates.Ignored, ScanStates.NoTemplateFolder), (top!.State, top.Reason));
        Assert.Equal((ScanStates.Ignored, ScanStates.NotAScan), (text!.State, text.Reason));
        Assert.Contains(".pdf", text.Message); // a PDF is a scan, and the message says so
        Assert.Null(await query.GetAsync("a/none.jpg"));
        Assert.Null(await query.GetAsync("a/readme")); // a prefix of a blob's name is not that blob
    }

    /// <summary>Writes the blob, sets its time and returns its ETag as a listing sees it.</summary>
    private async Task<string> PutAsync(string container, string name, byte[] data, DateTime time)
    {
        await _blobs.WriteAsync(container, name, data, ContentTypes.Json);
        File.SetLastWriteTimeUtc(_blobs.PathOf(container, name), time);
        return (await _blobs.ListAsync(container, name)).Single(b => b.Name == name).ETag;
    }

    private static ScanResult Result(string scan, int pages) => new()
    {
        Scan = scan,
        Pages = pages,
        Fields = new(StringComparer.Ordinal)
        {
            ["amount"] = new FieldResult { Value = "1000", NeedsReview = true },
            ["memo"] = new FieldResult { Value = null },
        },
    };

    private static ErrorRecord Failure(string scan, string etag) => new()
    {
        Scan = scan, Reason = "image_corrupt", Message = "not an image", InstanceId = ScanInstanceIds.For(scan, etag), Time = new DateTimeOffset(T0),
    };
}
