using System.Text.Json;
using Pilgi.Cli.Tests.Hosting;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Tests.Commands;

/// <summary>
/// <c>pilgi results</c> on an Azurite account seeded as the pipeline leaves it: a scan read (result and overlay), one
/// failed (error record of its upload), one in flight, re-uploads whose earlier result or record is still there, and
/// a blob that is no scan.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResultsCommandTests(ResultsCommandTests.SeededAccount seeded) : IClassFixture<ResultsCommandTests.SeededAccount>, IDisposable
{
    private readonly string _storage = seeded.Storage;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pilgi-results-");
    private AzureBlobStore Blobs => new(_storage);
    private string OutDir => Path.Combine(_dir.FullName, "out");

    private static readonly byte[] Overlay = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>
    /// One account of the shared Azurite, seeded once for the class (empty when Azurite is not there) and emptied
    /// before and after: the seeded scans are no images, and a host that gets this account later must not see them.
    /// </summary>
    public sealed class SeededAccount : IAsyncLifetime
    {
        public string Storage { get; } = Azurite.ConnectionString is null ? "" : Azurite.TakeAccount();

        public async Task InitializeAsync()
        {
            if (Azurite.ConnectionString is null) return;
            await EmptyAsync();
            var blobs = new AzureBlobStore(Storage);
            // read: the result and its overlay written after the upload
            await PutScanAsync(blobs, "remittance/a.jpg");
            await blobs.WriteAsync(StorageNames.Results, "remittance/a.overlay.png", Overlay, ContentTypes.Png);
            await blobs.WriteAsync(StorageNames.Results, "remittance/a.json", ResultJson.SerializeToUtf8Bytes(Result("scans/remittance/a.jpg")), ContentTypes.Json);
            // failed: the error record of this upload's instance
            var b = await PutScanAsync(blobs, "remittance/b.jpg");
            await blobs.WriteAsync(StorageNames.Failed, "remittance/b.json", ResultJson.SerializeToUtf8Bytes(Failure("scans/remittance/b.jpg", b)), ContentTypes.Json);
            // in flight: nothing written yet
            await PutScanAsync(blobs, "deposit/c.png");
            // uploaded again after it failed: the record names the earlier upload's instance
            var e = await PutScanAsync(blobs, "deposit/e.jpg");
            await blobs.WriteAsync(StorageNames.Failed, "deposit/e.json", ResultJson.SerializeToUtf8Bytes(Failure("scans/deposit/e.jpg", e)), ContentTypes.Json);
            await PutScanAsync(blobs, "deposit/e.jpg");
            // uploaded again after it was read: the result is older than the upload (listing times are whole seconds)
            await PutScanAsync(blobs, "deposit/d.jpg");
            await blobs.WriteAsync(StorageNames.Results, "deposit/d.json", ResultJson.SerializeToUtf8Bytes(Result("scans/deposit/d.jpg")), ContentTypes.Json);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            await PutScanAsync(blobs, "deposit/d.jpg");
            // not a scan
            await blobs.WriteAsync(StorageNames.Scans, "notes.txt", "hello"u8.ToArray(), "text/plain");
        }

        public async Task DisposeAsync()
        {
            if (Azurite.ConnectionString is not null) await EmptyAsync();
        }

        private async Task EmptyAsync()
        {
            var service = new Azure.Storage.Blobs.BlobServiceClient(Storage);
            foreach (var name in StorageNames.All)
            {
                var container = service.GetBlobContainerClient(name);
                if (!await container.ExistsAsync()) continue;
                await foreach (var blob in container.GetBlobsAsync()) await container.DeleteBlobIfExistsAsync(blob.Name);
            }
        }
    }

    [AzuriteFact]
    public async Task List_prints_each_upload_with_its_state_fields_to_review_and_reason()
    {
        var run = await CliRun.RunAsync("results", "--storage", _storage);

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = run.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Matches(@"^scan +state +fields read +to review +time \(UTC\)$", rows[0]);
        Assert.Matches(@"^remittance/a\.jpg +read +2 of 3 +1 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", Row(rows, "remittance/a.jpg"));
        Assert.Matches(@"^remittance/b\.jpg +failed +- +- +\S+ \S+ +image_corrupt$", Row(rows, "remittance/b.jpg"));
        Assert.Matches(@"^deposit/c\.png +in flight +- +- ", Row(rows, "deposit/c.png"));
        Assert.Matches(@"^deposit/d\.jpg +in flight ", Row(rows, "deposit/d.jpg"));
        Assert.Matches(@"^deposit/e\.jpg +in flight ", Row(rows, "deposit/e.jpg"));
        Assert.Matches(@"^notes\.txt +ignored .* not_a_scan$", Row(rows, "notes.txt"));
        Assert.Contains("6 uploads: 1 read (1 with fields to review), 1 failed, 3 in flight, 1 ignored", run.Out);
    }

    [AzuriteFact]
    public async Task List_as_json_gives_scripts_every_upload_with_its_state_and_blobs()
    {
        var run = await CliRun.RunAsync("results", "list", "--storage", _storage, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var all = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("scan").GetString()!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["deposit/c.png"] = "in_flight", ["deposit/d.jpg"] = "in_flight", ["deposit/e.jpg"] = "in_flight",
                ["notes.txt"] = "ignored", ["remittance/a.jpg"] = "read", ["remittance/b.jpg"] = "failed",
            },
            all.ToDictionary(kv => kv.Key, kv => kv.Value.GetProperty("state").GetString()!));
        var a = all["remittance/a.jpg"];
        Assert.Equal(3, a.GetProperty("fields").GetInt32());
        Assert.Equal(1, a.GetProperty("needsReview").GetInt32());
        Assert.Equal("remittance/a.json", a.GetProperty("resultBlob").GetString());
        Assert.Equal(["remittance/a.overlay.png"], a.GetProperty("overlayBlobs").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("image_corrupt", all["remittance/b.jpg"].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, all["deposit/c.png"].GetProperty("ended").ValueKind);
    }

    [AzuriteFact]
    public async Task Status_exits_0_when_read_2_when_failed_or_ignored_75_while_in_flight_and_1_for_no_such_scan()
    {
        var read = await CliRun.RunAsync("results", "status", "remittance/a.jpg", "--storage", _storage);
        var failed = await CliRun.RunAsync("results", "status", "scans/remittance/b.jpg", "--storage", _storage);
        var inFlight = await CliRun.RunAsync("results", "status", "deposit/d.jpg", "--storage", _storage, "--json");
        var ignored = await CliRun.RunAsync("results", "status", "notes.txt", "--storage", _storage);
        var missing = await CliRun.RunAsync("results", "status", "remittance/zzz.jpg", "--storage", _storage);

        Assert.Equal(0, read.ExitCode);
        Assert.Contains("fields    3 (2 read, 1 to review)", read.Out);
        Assert.Contains("overlays  results/remittance/a.overlay.png", read.Out);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("reason    image_corrupt", failed.Out);
        Assert.Contains("record    failed/remittance/b.json", failed.Out);
        Assert.Equal(75, inFlight.ExitCode);
        Assert.Equal("in_flight", JsonDocument.Parse(inFlight.Out).RootElement.GetProperty("state").GetString());
        Assert.Equal(2, ignored.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("pilgi: scan_not_found: No upload 'remittance/zzz.jpg' in 'scans'", missing.Error);
    }

    [AzuriteFact]
    public async Task Get_writes_the_stored_result_and_overlay_or_the_error_record_and_nothing_while_in_flight()
    {
        var read = await CliRun.RunAsync("results", "get", "remittance/a.jpg", "--storage", _storage, "--out", OutDir);
        var failed = await CliRun.RunAsync("results", "get", "remittance/b.jpg", "--storage", _storage, "--out", OutDir);
        var inFlight = await CliRun.RunAsync("results", "get", "deposit/c.png", "--storage", _storage, "--out", OutDir);

        Assert.Equal(0, read.ExitCode);
        Assert.Equal((await Blobs.ReadAsync(StorageNames.Results, "remittance/a.json")).Data, File.ReadAllBytes(Path.Combine(OutDir, "remittance", "a.json")));
        Assert.Equal(Overlay, File.ReadAllBytes(Path.Combine(OutDir, "remittance", "a.overlay.png")));
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal("image_corrupt", ResultJson.DeserializeError(File.ReadAllText(Path.Combine(OutDir, "remittance", "b.error.json"))).Reason);
        Assert.Equal(75, inFlight.ExitCode);
        Assert.Contains("deposit/c.png: still in flight", inFlight.Error);
        Assert.False(Directory.Exists(Path.Combine(OutDir, "deposit")));
        Assert.Equal(
            ["remittance/a.json", "remittance/a.overlay.png", "remittance/b.error.json"],
            Directory.GetFiles(OutDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(OutDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [AzuriteFact]
    public async Task In_flight_scans_say_not_started_when_no_host_created_the_task_hub_and_the_hub_is_not_created()
    {
        string hub = "unused" + Guid.NewGuid().ToString("N")[..10];

        var run = await CliRun.RunAsync("results", "status", "deposit/c.png", "--storage", _storage, "--task-hub", hub);

        Assert.Equal(75, run.ExitCode);
        Assert.Contains("durable   not started (no host has picked it up)", run.Out);
        var tables = new Azure.Data.Tables.TableServiceClient(_storage);
        var created = new List<string>();
        await foreach (var t in tables.QueryAsync(t => t.Name == hub + "Instances")) created.Add(t.Name);
        Assert.Empty(created);
    }

    private static string Row(string[] rows, string scan) => Assert.Single(rows, r => r.StartsWith(scan + " ", StringComparison.Ordinal));

    private static async Task<string> PutScanAsync(AzureBlobStore blobs, string name) =>
        await blobs.WriteAsync(StorageNames.Scans, name, Guid.NewGuid().ToByteArray(), "image/jpeg");

    private static ScanResult Result(string scan) => new()
    {
        Scan = scan,
        Template = scan.Split('/')[1],
        Pages = 1,
        Fields = new(StringComparer.Ordinal)
        {
            ["name"] = new FieldResult { Value = "김민수", Confidence = 0.9, Valid = true },
            ["amount"] = new FieldResult { Value = "150000", Confidence = 0.4, Valid = true, NeedsReview = true },
            ["memo"] = new FieldResult { Value = null },
        },
    };

    private static ErrorRecord Failure(string scan, string etag) => new()
    {
        Scan = scan,
        Reason = "image_corrupt",
        Message = "not an image",
        InstanceId = ScanInstanceIds.For(scan, etag),
        Time = DateTimeOffset.UtcNow,
    };
}
