using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;
using Pilgi.Pipeline.Status;
using Pilgi.Storage;

namespace Pilgi.Cli.Commands;

/// <summary>
/// <c>results</c>: what the pipeline wrote to the storage account <c>serve</c> uses, through
/// <see cref="ScanStatusQuery"/>: every upload with its state, one upload's state, or its result fetched to files.
/// </summary>
public static class ResultsCommand
{
    public const string Usage =
        "results [list] [--storage <connection string>] [--task-hub <name>] [--json]\n" +
        "       pilgi results status <scan> [--storage <connection string>] [--task-hub <name>] [--json]\n" +
        "       pilgi results get <scan> [--out <dir>] [--storage <connection string>]\n" +
        "    What serve (or the Functions app) made of each upload in 'scans', from the blobs alone (serve need not run):\n" +
        "    read (its result is in 'results'), failed (its error record is in 'failed'), in flight (neither yet for this\n" +
        "    upload: being read or waiting for serve; a re-upload is in flight again until its own result is written) or\n" +
        "    ignored (not a .jpg/.jpeg/.png/.tif/.tiff/.pdf, or not under scans/<templateId>/). list prints one line per\n" +
        "    upload: its state, fields read and to review, when it ended (or was uploaded, while in flight; UTC) and a\n" +
        "    failure's reason. status prints one upload's. get writes its result <dir>/<templateId>/<name>.json and\n" +
        "    overlays .overlay.png (.overlay-<page>.png after page 1), or its error record <name>.error.json; <dir>\n" +
        "    defaults to ./out. <scan> is its name in 'scans' (remittance/001.jpg; 'scans/' before it is fine).\n" +
        "    An upload in flight also shows what the task hub's tables say of its orchestration (serve need not run either):\n" +
        "    not started (no host has picked it up), or running and its stage (running (detect)); --task-hub as serve's\n" +
        "    (default Pilgi:Serve:TaskHub, then 'pilgi'); a hub no host has created is not created.\n" +
        "    --json prints the same as JSON for scripts (names as stored, unmasked). --storage as serve's\n" +
        "    (\"UseDevelopmentStorage=true\" is Azurite; default Pilgi:Serve:StorageConnectionString, then\n" +
        "    Pilgi:Pipeline:StorageConnectionString, then AzureWebJobsStorage).";

    public static CommandSpec Spec { get; } = new("results", "list, check and fetch what serve wrote to storage", Usage,
    [
        "0    listed; status/get: the scan was read (get: its result and overlays written)",
        "1    refused: no such scan in 'scans', storage unreachable",
        "2    status/get: the scan failed (get: its error record written) or is ignored",
        "64   usage error (no storage, an unknown subcommand or option)",
        "75   status/get: the scan is still in flight (nothing written); ask again later",
    ], new HashSet<string>(StringComparer.Ordinal) { "--json" }, RunAsync);

    /// <summary>The reason of a refusal when the scan asked about is not in <c>scans</c>.</summary>
    public const string ScanNotFound = "scan_not_found";

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var words = args.Positionals.Count > 0 ? args.Positionals : ["list"];
        string action = words[0];
        bool json = args.Flag("--json");
        var storage = args.Get("--storage");
        var taskHub = args.Get("--task-hub");
        var outDir = action == "get" ? args.Get("--out") ?? "out" : null;
        args.RejectUnknown();
        int expected = action switch
        {
            "list" => 1,
            "status" or "get" => 2,
            _ => throw new UsageException($"'{action}' is not a subcommand: list, status <scan> or get <scan>."),
        };
        if (words.Count < expected) throw new UsageException($"results {action} needs the scan's name in 'scans' (e.g. remittance/001.jpg).");
        if (words.Count > expected) throw new UsageException($"Unexpected argument '{words[expected]}'.");
        if (action == "get" && json) throw new UsageException("results get writes files; --json is for list and status.");

        var settings = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var connection = storage ?? ServeOptions.StorageFrom(settings)
            ?? throw new UsageException("No storage: pass --storage <connection string> (\"UseDevelopmentStorage=true\" for Azurite).");
        var blobs = Open(connection);
        var query = new ScanStatusQuery(blobs);
        taskHub ??= settings[$"{ServeOptions.SectionName}:{nameof(ServeOptions.TaskHub)}"] ?? new ServeOptions().TaskHub;
        var durable = new DurableView(connection, taskHub);
        return action switch
        {
            "list" => await ListAsync(query, durable, json, ct),
            "status" => await StatusAsync(query, durable, words[1], json, ct),
            _ => await GetAsync(blobs, query, words[1], outDir!, ct),
        };
    }

    /// <summary>
    /// The task hub's view of scans in flight, added to the blob view when the hub can be read (a hub no host has
    /// created says "not started"); when it cannot, the blob view stands alone.
    /// </summary>
    private sealed record DurableView(string Connection, string TaskHub)
    {
        public async Task<IReadOnlyList<ScanStatus>> AddAsync(IReadOnlyList<ScanStatus> all, CancellationToken ct)
        {
            var ids = all.Where(s => s.State == ScanStates.InFlight && s.InstanceId is not null).Select(s => s.InstanceId!).ToList();
            if (ids.Count == 0) return all;
            try
            {
                using var hub = new TaskHubStages(Connection, TaskHub);
                var described = await hub.DescribeAsync(ids, ct);
                return all.Select(s => s.InstanceId is { } id && s.State == ScanStates.InFlight && described.TryGetValue(id, out var d)
                    ? s with { Orchestration = d } : s).ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return all;
            }
        }
    }

    private static async Task<int> ListAsync(ScanStatusQuery query, DurableView durable, bool json, CancellationToken ct)
    {
        var all = await durable.AddAsync(await query.ListAsync(ct), ct);
        if (json) Console.WriteLine(ScanStatusJson.Serialize(all));
        else foreach (var line in ScanStatusTable.Lines(all)) MaskedConsole.Out(line);
        return ExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(ScanStatusQuery query, DurableView durable, string scan, bool json, CancellationToken ct)
    {
        var status = (await durable.AddAsync([await FindAsync(query, scan, ct)], ct))[0];
        if (json) Console.WriteLine(ScanStatusJson.Serialize(status));
        else foreach (var line in ScanStatusTable.Detail(status)) MaskedConsole.Out(line);
        return ExitCodeOf(status);
    }

    private static async Task<int> GetAsync(IBlobStore blobs, ScanStatusQuery query, string scan, string outDir, CancellationToken ct)
    {
        var status = await FindAsync(query, scan, ct);
        foreach (var file in await ResultDownload.WriteAsync(blobs, status, outDir, ct)) MaskedConsole.Out(file);
        if (status.State is ScanStates.InFlight or ScanStates.Ignored)
            MaskedConsole.Error($"{status.Scan}: {ScanStatusTable.Describe(status)}; nothing written");
        return ExitCodeOf(status);
    }

    private static async Task<ScanStatus> FindAsync(ScanStatusQuery query, string scan, CancellationToken ct) =>
        await query.GetAsync(scan, ct)
        ?? throw new PilgiException(ScanNotFound, $"No upload '{ScanStatusQuery.NameInScans(scan)}' in '{StorageNames.Scans}' (pilgi results lists them).");

    private static int ExitCodeOf(ScanStatus status) => status.State switch
    {
        ScanStates.Read => ExitCodes.Ok,
        ScanStates.InFlight => ExitCodes.NotYet,
        _ => ExitCodes.InputsFailed,
    };

    /// <summary>The account's blobs; a bad connection string is a usage error.</summary>
    private static AzureBlobStore Open(string connection)
    {
        try
        {
            // two quick retries: a person waiting on a storage account that is not there learns it in seconds
            var options = new BlobClientOptions { Retry = { MaxRetries = 2, Delay = TimeSpan.FromSeconds(0.5), NetworkTimeout = TimeSpan.FromSeconds(30) } };
            return new AzureBlobStore(new BlobServiceClient(connection, options));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"--storage is not a storage connection string: {e.Message}");
        }
    }
}
