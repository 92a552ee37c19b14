using var cts = new CancellationTokenSource();
// the first Ctrl-C asks the command to stop (serve drains); a second one ends the process
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cts.IsCancellationRequested;
    cts.Cancel();
};

return await Pilgi.Cli.CommandLine.RunAsync(args, cts.Token);
