namespace Pilgi.Cli.Composition;

/// <summary>What both <c>eval</c> forms write beside their summary: the JSON report and the TSV of what was read wrong.</summary>
internal static class EvalOutputs
{
    public static async Task WriteReportAsync(string path, string json, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, json, ct);
        Console.WriteLine($"report: {Path.GetFullPath(path)}");
    }

    /// <summary>Writes <paramref name="header"/> and one row a line (cells made tab- and newline-free); prints the count
    /// of <paramref name="what"/>.</summary>
    public static async Task WriteMismatchesAsync(string path, string[] header, IReadOnlyList<string[]> rows, string what,
        CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllLinesAsync(path,
            rows.Select(r => string.Join('\t', r.Select(Cell))).Prepend(string.Join('\t', header)), ct);
        Console.WriteLine($"mismatches: {Path.GetFullPath(path)} ({rows.Count} {what})");
    }

    private static string Cell(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
