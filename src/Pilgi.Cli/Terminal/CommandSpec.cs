namespace Pilgi.Cli.Terminal;

/// <summary>
/// One command of the command line, as its own class declares it: the line it gets in <c>pilgi --help</c>, its
/// usage (what <c>pilgi &lt;name&gt; --help</c> prints), its exit codes, the options that take no value, and the run.
/// </summary>
/// <param name="Usage">The forms of the command line (each starting with <see cref="Name"/>) and what its options do.</param>
/// <param name="ExitCodes">One line per code the command returns, <c>"0  ..."</c>.</param>
/// <param name="Flags">Options that take no value (<c>--keep</c>); every other <c>--name</c> takes one.</param>
public sealed record CommandSpec(
    string Name,
    string Summary,
    string Usage,
    IReadOnlyList<string> ExitCodes,
    IReadOnlySet<string> Flags,
    Func<ArgumentList, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>What <c>pilgi &lt;name&gt; --help</c> prints.</summary>
    public string Help() =>
        $"pilgi {Name} — {Summary}\n\nusage: pilgi {Usage}\n\nexit codes:\n" + string.Join("\n", ExitCodes.Select(c => "  " + c));
}
