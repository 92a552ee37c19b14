using Pilgi.Cli.Commands;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;

namespace Pilgi.Cli;

/// <summary>
/// One command line run to its exit code: the command's own, 64 for a usage error (with the help), 1 for a refusal
/// (<c>pilgi: &lt;reason&gt;: &lt;message&gt;</c> on stderr), 130 when cancelled.
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--help", "--no-tesseract", "--samples", "--keep", "--mask-pii", "--json" };

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var command = args.Length > 0 ? args[0] : "process";
        var rest = args.Length > 0 ? args[1..] : [];
        try
        {
            var list = new ArgumentList(rest, Flags);
            if (list.Flag("--help") || command is "help" or "--help" or "-h")
            {
                Console.WriteLine(Help());
                return 0;
            }
            return command switch
            {
                "process" => await ProcessCommand.RunAsync(list, ct),
                "eval" => await EvalCommand.RunAsync(list, ct),
                "calibrate" => await CalibrateCommand.RunAsync(list, ct),
                "bench" => await BenchCommand.RunAsync(list, ct),
                "serve" => await ServeCommand.RunAsync(list, ct),
                "upload" => await UploadCommand.RunAsync(list, ct),
                "events" => await EventsCommand.RunAsync(list, ct),
                _ => throw new UsageException($"Unknown command '{command}'."),
            };
        }
        catch (UsageException e)
        {
            MaskedConsole.Error($"pilgi: {e.Message}\n\n{Help()}");
            return 64;
        }
        catch (PilgiException e)
        {
            MaskedConsole.Error($"pilgi: {e.Reason}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("pilgi: cancelled");
            return 130;
        }
    }

    public static string Help() =>
        "pilgi — reads the handwriting on scanned Korean forms\n\n" +
        "usage: pilgi <command> [options]\n\n" +
        ProcessCommand.Usage + "\n\n" + EvalCommand.Usage + "\n\n" + CalibrateCommand.Usage + "\n\n" + BenchCommand.Usage + "\n\n" + DurableBenchCommand.Usage + "\n\n" + ServeCommand.Usage + "\n\n" + UploadCommand.Usage + "\n\n" + EventsCommand.Usage;
}
