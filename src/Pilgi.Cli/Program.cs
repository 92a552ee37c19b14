using Pilgi.Cli.Commands;
using Pilgi.Cli.Console;
using Pilgi.Core.Errors;

var flags = new HashSet<string>(StringComparer.Ordinal) { "--help", "--no-tesseract", "--samples", "--keep", "--mask-pii" };
using var cts = new CancellationTokenSource();
// the first Ctrl-C asks the command to stop (serve drains); a second one ends the process
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cts.IsCancellationRequested;
    cts.Cancel();
};

var command = args.Length > 0 ? args[0] : "process";
var rest = args.Length > 0 ? args[1..] : [];
try
{
    var list = new ArgumentList(rest, flags);
    if (list.Flag("--help") || command is "help" or "--help" or "-h")
    {
        Console.WriteLine(Help());
        return 0;
    }
    return command switch
    {
        "process" => await ProcessCommand.RunAsync(list, cts.Token),
        "eval" => await EvalCommand.RunAsync(list, cts.Token),
        "bench" => await BenchCommand.RunAsync(list, cts.Token),
        "serve" => await ServeCommand.RunAsync(list, cts.Token),
        "upload" => await UploadCommand.RunAsync(list, cts.Token),
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

static string Help() =>
    "pilgi — reads the handwriting on scanned Korean forms\n\n" +
    "usage: pilgi <command> [options]\n\n" +
    ProcessCommand.Usage + "\n\n" + EvalCommand.Usage + "\n\n" + BenchCommand.Usage + "\n\n" + DurableBenchCommand.Usage + "\n\n" + ServeCommand.Usage + "\n\n" + UploadCommand.Usage;
