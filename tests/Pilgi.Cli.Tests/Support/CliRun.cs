namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// A <c>pilgi</c> command line run in this process (<see cref="CommandLine.RunAsync"/>, as Program runs it), its stdout
/// and stderr captured. The console is the process's: the tests of this assembly run one at a time.
/// </summary>
internal static class CliRun
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static async Task<Outcome> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = await CommandLine.RunAsync(args, CancellationToken.None);
            return new Outcome(code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
