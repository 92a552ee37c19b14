using Pilgi.Cli.Commands;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;

namespace Pilgi.Cli;

/// <summary>
/// One command line run to its exit code (<see cref="ExitCodes"/>): <c>--help</c> or <c>-h</c> anywhere prints the
/// command's own help before anything runs; a usage error is one line and a hint on stderr (64); a refusal is
/// <c>pilgi: &lt;reason&gt;: &lt;message&gt;</c> (1); otherwise the command's own code.
/// </summary>
public static class CommandLine
{
    /// <summary>The commands, in the order <c>pilgi --help</c> lists them.</summary>
    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        ProcessCommand.Spec, EvalCommand.Spec, CalibrateCommand.Spec, BenchCommand.Spec, ServeCommand.Spec, UploadCommand.Spec, ResultsCommand.Spec, EventsCommand.Spec,
    ];

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Help());
            return ExitCodes.Usage;
        }
        var first = args[0];
        if (first is "help" or "--help" or "-h")
        {
            if (args.Length == 1)
            {
                Console.WriteLine(Help());
                return ExitCodes.Ok;
            }
            if (Find(args[1]) is not { } asked) return UsageError("pilgi", $"'{args[1]}' is not a command{Suggestion(args[1])}", "pilgi --help");
            Console.WriteLine(asked.Help());
            return ExitCodes.Ok;
        }
        if (first.StartsWith('-')) return UsageError("pilgi", $"{first}: a command comes first (pilgi <command> [options]).", "pilgi --help");
        if (Find(first) is not { } command) return UsageError("pilgi", $"'{first}' is not a command{Suggestion(first)}", "pilgi --help");

        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(command.Help());
            return ExitCodes.Ok;
        }
        try
        {
            return await command.RunAsync(new ArgumentList(rest, command.Flags), ct);
        }
        catch (UsageException e)
        {
            return UsageError($"pilgi {command.Name}", e.Message, $"pilgi {command.Name} --help");
        }
        catch (Exception e) when (StorageFailure.Describe(e) is { } message)
        {
            MaskedConsole.Error($"pilgi: {StorageFailure.Reason}: {message}");
            return ExitCodes.Refused;
        }
        catch (PilgiException e)
        {
            MaskedConsole.Error($"pilgi: {e.Reason}: {e.Message}");
            return ExitCodes.Refused;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("pilgi: cancelled");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>What <c>pilgi --help</c> prints: the commands, one line each, and the exit codes.</summary>
    public static string Help()
    {
        int width = Commands.Max(c => c.Name.Length);
        return "pilgi — reads the handwriting on scanned Korean forms\n\n" +
               "usage: pilgi <command> [options]\n" +
               "       pilgi <command> --help    the command's options and exit codes (also: pilgi help <command>)\n\n" +
               "commands:\n" +
               string.Join("\n", Commands.Select(c => $"  {c.Name.PadRight(width)}  {c.Summary}")) + "\n\n" +
               "exit codes:\n" + string.Join("\n", ExitCodes.All.Select(c => "  " + c));
    }

    private static CommandSpec? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    private static int UsageError(string who, string message, string help)
    {
        MaskedConsole.Error($"{who}: {message}\nTry '{help}'.");
        return ExitCodes.Usage;
    }

    /// <summary>"; did you mean 'process'?" for a name one or two edits from a command (a typo), else ".".</summary>
    private static string Suggestion(string name)
    {
        var near = Commands.Select(c => (c.Name, Distance: EditDistance(name.ToLowerInvariant(), c.Name)))
            .Where(c => c.Distance <= 2).OrderBy(c => c.Distance).FirstOrDefault();
        return near.Name is null ? "." : $"; did you mean '{near.Name}'?";
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
