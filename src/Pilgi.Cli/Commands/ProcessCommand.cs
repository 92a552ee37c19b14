using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;
using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Pipeline.Hosting;
using Pilgi.Reading;

namespace Pilgi.Cli.Commands;

/// <summary><c>process &lt;scans or folders...&gt; --templates &lt;dir&gt; --out &lt;dir&gt; [--template &lt;id&gt;]</c></summary>
public static class ProcessCommand
{
    public const string Usage =
        "process [<scan or folder>...] [--templates <dir>] [--out <dir>] [--template <id>] [--models <dir>] [--mask-pii]\n" +
        "    Reads every scan (folders are walked recursively). Without arguments it reads the bundled samples\n" +
        "    (samples/forms/scans with samples/forms/templates) into ./out. --mask-pii (or Pilgi__Output__MaskPii=true)\n" +
        "    writes rrn, phone and account values masked and fills their boxes on the overlays.";

    public static CommandSpec Spec { get; } = new("process", "read scans (files or folders) into result JSON and overlays", Usage,
    [
        "0    every scan read",
        "1    refused before reading: a bad --templates folder or --template, missing models",
        "2    some scans could not be read: each has <out>/<path>.error.json with its reason, the rest were read",
        "64   usage error (no such file or folder, an unknown option)",
    ], new HashSet<string>(StringComparer.Ordinal) { "--mask-pii" }, RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var samples = DefaultPaths.SampleForms;
        var inputs = args.Positionals.Count > 0 ? args.Positionals : [Path.Combine(samples, "scans")];
        var templatesDir = args.Get("--templates") ?? Path.Combine(samples, "templates");
        var outDir = args.Get("--out") ?? "out";
        var templateId = args.Get("--template");
        var modelsDir = args.Get("--models");
        var output = new OutputOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(OutputOptions.SectionName).Bind(output);
        bool maskPii = args.Flag("--mask-pii") || output.MaskPii;
        args.RejectUnknown();

        var scans = ScanFile.Collect(inputs);
        var reader = ReaderFactory.Create(templatesDir, modelsDir);
        if (templateId is not null && !reader.Templates.Contains(templateId))
            throw new UsageException($"--template {templateId}: no such template in {templatesDir}.");
        var files = new ResultFiles(outDir, new OverlayPainter(), maskPii ? id => reader.Templates.Get(id).Template : null);
        var progress = new ProgressBar(scans.Count, "processed");
        int failed = 0;
        foreach (var scan in scans)
        {
            ct.ThrowIfCancellationRequested();
            var template = templateId ?? (scan.ParentFolderName is { } parent && reader.Templates.Contains(parent) ? parent : null);
            try
            {
                var reading = await reader.ReadAsync(await File.ReadAllBytesAsync(scan.FullPath, ct), scan.RelativePath, template, ct);
                files.WriteResult(scan.RelativePath, reading);
                progress.Report(reading.Result.Pages, failed: false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                files.WriteError(scan.RelativePath, ErrorFor(scan.RelativePath, e));
                progress.Report(0, failed: true);
                MaskedConsole.Error($"{scan.RelativePath}: {Describe(e)}");
            }
        }
        Console.WriteLine($"{scans.Count - failed} of {scans.Count} scans read; results in {Path.GetFullPath(outDir)}");
        return failed == 0 ? 0 : 2;
    }

    public static ErrorRecord ErrorFor(string scan, Exception e) => new()
    {
        Scan = scan,
        Reason = e is PilgiException p ? p.Reason : ReasonCodes.InternalError,
        Message = Describe(e),
        Time = DateTimeOffset.UtcNow,
    };

    private static string Describe(Exception e) => e is PilgiException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
