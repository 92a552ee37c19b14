using Pilgi.Core.Privacy;

namespace Pilgi.Cli.Terminal;

/// <summary>
/// The lines the CLI's commands write besides their logs (refusals, skipped files, uploads), with personal numbers
/// masked like every log line (<see cref="PiiMasker"/>): scan names and error messages can hold them.
/// </summary>
internal static class MaskedConsole
{
    public static void Error(string line) => Console.Error.WriteLine(PiiMasker.Mask(line));

    public static void Out(string line) => Console.WriteLine(PiiMasker.Mask(line));
}
