namespace Pilgi.Cli.Terminal;

/// <summary>The exit codes of every command, documented once (here, in <c>pilgi --help</c> and the README).</summary>
public static class ExitCodes
{
    /// <summary>The work is done (every scan read; the result fetched).</summary>
    public const int Ok = 0;

    /// <summary>The work could not be done: <c>pilgi: &lt;reason&gt;: &lt;message&gt;</c> on stderr.</summary>
    public const int Refused = 1;

    /// <summary>Done, but some inputs could not be read: each has an error record that says why.</summary>
    public const int InputsFailed = 2;

    /// <summary>The command line is wrong (EX_USAGE): one line and a hint on stderr.</summary>
    public const int Usage = 64;

    /// <summary>Not finished yet, ask again later (EX_TEMPFAIL): the scan asked about is still in flight.</summary>
    public const int NotYet = 75;

    /// <summary>Ctrl-C.</summary>
    public const int Cancelled = 130;

    /// <summary>The lines of <c>pilgi --help</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        $"{Ok,-3}  done",
        $"{Refused,-3}  the work could not be done (no such file, a bad template, storage unreachable): 'pilgi: <reason>: <message>'",
        $"{InputsFailed,-3}  done, but some inputs could not be read (process, eval --lines), or the scan asked about failed (results)",
        $"{Usage,-3}  usage error: an unknown command or option, a bad value (one line and a hint on stderr)",
        $"{NotYet,-3}  results status/get: the scan is still in flight; ask again later",
        $"{Cancelled,-3}  cancelled with Ctrl-C",
    ];
}
