using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;
using Pilgi.Storage;

namespace Pilgi.Cli.Commands;

/// <summary><c>serve</c>: the local durable host (<see cref="LocalDurableHost"/>) until Ctrl-C or SIGTERM.</summary>
public static class ServeCommand
{
    public const string Usage =
        "serve --storage <connection string> [--task-hub <name>] [--poll-seconds S] [--max-in-flight K] [--drain-seconds S]\n" +
        "      [--models <dir>] [--inference <url>]\n" +
        "    The local durable host: watches the 'scans' container (a scan is new when its path+ETag has no instance\n" +
        "    yet), runs the durable orchestration with its state in the same storage account (the Durable Task Azure\n" +
        "    Storage backend, as Durable Functions uses it), resumes what a previous run left in flight and logs one line\n" +
        "    per scan. At most K scans run at once (default 4 x (cores + 1)), oldest upload first; the rest wait.\n" +
        "    Forms come from 'templates'; results go to 'results' and 'failed'. \"UseDevelopmentStorage=true\"\n" +
        "    is Azurite. Settings: Pilgi:Serve:* and Pilgi:Pipeline:* (environment: Pilgi__Serve__TaskHub=...).\n" +
        "    Traces and metrics: Pilgi:Telemetry:Exporter=console|otlp (OTLP to OTEL_EXPORTER_OTLP_ENDPOINT).\n" +
        "    Ctrl-C or SIGTERM stops polling, lets scans in flight finish (--drain-seconds, default 30) and stops.\n" +
        "    --inference <url>: detection and recognition through the inference service (Pilgi:Inference:Mode=Remote, :Url).";

    public static CommandSpec Spec { get; } = new("serve", "the local durable host: reads what is uploaded to storage, until Ctrl-C", Usage,
    [
        "0    stopped with Ctrl-C or SIGTERM (scans not finished resume on the next start)",
        "64   usage error (no storage, a bad setting, an unknown option)",
    ], new HashSet<string>(StringComparer.Ordinal), RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var configuration = Configuration(args);
        args.RejectUnknown();
        args.RejectPositionals("serve takes options only (pilgi serve --storage <connection string>)");
        ServeOptions options;
        try
        {
            options = ServeOptions.From(configuration);
            ServeTelemetry.From(configuration);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var loggerFactory = ServeLogging.Create(configuration);
        using var telemetry = ServeTelemetry.Start(configuration);

        await using var host = await LocalDurableHost.StartAsync(configuration, loggerFactory, cancellationToken: stop.Token);
        Console.WriteLine($"pilgi serve: task hub '{options.TaskHub}', polling '{StorageNames.Scans}' every " +
                          $"{options.PollSeconds.ToString(CultureInfo.InvariantCulture)} s; Ctrl-C stops");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM
        }
        Console.WriteLine($"pilgi serve: stopping ({host.Watcher.InFlight} scan(s) in flight)");
        bool drained = await host.StopAsync();
        Console.WriteLine(drained ? "pilgi serve: stopped" : "pilgi serve: stopped; scans left in flight resume on the next start");
        return 0;
    }

    /// <summary>Environment variables, then the command line's switches on top.</summary>
    internal static IConfigurationRoot Configuration(ArgumentList args)
    {
        var switches = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (args.Get("--storage") is { } storage) switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.StorageConnectionString)}"] = storage;
        if (args.Get("--task-hub") is { } hub) switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.TaskHub)}"] = hub;
        if (Seconds(args, "--poll-seconds") is { } poll) switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.PollSeconds)}"] = poll;
        if (args.Get("--max-in-flight") is { } inFlight)
            switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.MaxScansInFlight)}"] =
                int.TryParse(inFlight, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k > 0
                    ? k.ToString(CultureInfo.InvariantCulture)
                    : throw new UsageException($"--max-in-flight must be a positive whole number, not '{inFlight}'.");
        if (Seconds(args, "--drain-seconds") is { } drain) switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.DrainSeconds)}"] = drain;
        if (args.Get("--models") is { } models) switches[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.ModelsDirectory)}"] = models;
        if (args.Get("--inference") is { } url)
        {
            switches[$"{InferenceOptions.SectionName}:{nameof(InferenceOptions.Mode)}"] = nameof(InferenceMode.Remote);
            switches[$"{InferenceOptions.SectionName}:{nameof(InferenceOptions.Url)}"] = url;
        }
        return new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(switches).Build();
    }

    private static string? Seconds(ArgumentList args, string name)
    {
        var v = args.Get(name);
        if (v is null) return null;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s)
            ? s.ToString(CultureInfo.InvariantCulture)
            : throw new UsageException($"{name} must be a number of seconds, not '{v}'.");
    }
}
