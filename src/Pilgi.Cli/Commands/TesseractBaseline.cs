using System.Diagnostics;
using Pilgi.Core.Metrics;

namespace Pilgi.Cli.Commands;

/// <summary>Runs <c>tesseract &lt;scan&gt; stdout -l kor</c> on a page when Tesseract is installed, for comparison.</summary>
public static class TesseractBaseline
{
    public static bool IsAvailable()
    {
        try
        {
            var (code, output) = Run("--list-langs", TimeSpan.FromSeconds(20));
            return code == 0 && output.Split('\n').Any(l => l.Trim() == "kor");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The page's text, or null when Tesseract failed or timed out.</summary>
    public static string? Read(string scanPath)
    {
        var (code, output) = Run($"\"{scanPath}\" stdout -l kor --psm 3", TimeSpan.FromSeconds(120));
        return code == 0 ? output : null;
    }

    /// <summary>Share of the labelled handwritten values that appear (normalised) somewhere in the text.</summary>
    public static (int Found, int Total) ValuesFound(string? text, IEnumerable<string> values)
    {
        var haystack = TextNormalizer.Normalize(text ?? "");
        int found = 0, total = 0;
        foreach (var v in values)
        {
            total++;
            if (haystack.Contains(TextNormalizer.Normalize(v), StringComparison.Ordinal)) found++;
        }
        return (found, total);
    }

    private static (int Code, string Output) Run(string arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("tesseract", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["OMP_THREAD_LIMIT"] = "2";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "");
        }
        return (p.ExitCode, stdout.Result);
    }
}
