using System.Text;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;

namespace Pilgi.Cli.Composition;

/// <summary>
/// A folder of labelled line crops, the usual recognition-dataset layout: <c>labels.tsv</c> holds one row per crop, the
/// image's path relative to the folder, a tab, and the text (which may hold further tabs). UTF-8 with or without a
/// byte-order mark, LF or CRLF; blank rows are ignored and rows keep their line numbers. The whole file is checked
/// before anything is read: a row without a tab, with an empty path or with a path that leads out of the folder
/// (absolute, or through <c>..</c>) is refused with <c>label_invalid</c> naming its line. Whether each image exists and
/// decodes is for the reader to find out, row by row.
/// </summary>
public sealed class LabelledLines
{
    public const string LabelsFile = "labels.tsv";

    /// <summary>One row: its line number in <c>labels.tsv</c>, the path as written, where that is, and the text.</summary>
    public sealed record Row(int Line, string Path, string FullPath, string Text);

    private LabelledLines(string root, IReadOnlyList<Row> rows)
    {
        Root = root;
        Rows = rows;
    }

    public string Root { get; }
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The folder's rows (the first <paramref name="limit"/>, once every row has been checked).</summary>
    public static LabelledLines Load(string root, int? limit = null)
    {
        if (!Directory.Exists(root)) throw new UsageException($"--lines {root}: no such folder.");
        var labels = System.IO.Path.Combine(root, LabelsFile);
        if (!File.Exists(labels))
            throw new UsageException($"{root} has no {LabelsFile} (one '<image path relative to the folder><TAB><text>' per line).");
        var rows = Parse(File.ReadAllBytes(labels), root, labels);
        return new LabelledLines(root, limit is { } n ? rows.Take(n).ToList() : rows);
    }

    /// <summary>The rows of a labels file's bytes; <paramref name="source"/> names the file in errors.</summary>
    public static IReadOnlyList<Row> Parse(byte[] bytes, string root, string source)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(source, $"is not UTF-8 text (byte {e.Index} of the file cannot be decoded).");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rootFull = System.IO.Path.GetFullPath(root);
        var rows = new List<Row>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            int tab = line.IndexOf('\t');
            if (tab < 0)
                throw Invalid(source, $"line {number}: no tab between the image path and the text.");
            var path = line[..tab];
            rows.Add(new Row(number, path, Resolve(path, rootFull, source, number), line[(tab + 1)..]));
        }
        if (rows.Count == 0) throw Invalid(source, "has no rows ('<image path><TAB><text>').");
        return rows;
    }

    /// <summary>Where a row's path leads; it must stay inside the folder.</summary>
    private static string Resolve(string path, string rootFull, string source, int number)
    {
        if (string.IsNullOrWhiteSpace(path)) throw Invalid(source, $"line {number}: the image path is empty.");
        bool absolute = System.IO.Path.IsPathRooted(path) || path[0] is '/' or '\\' || (path.Length > 1 && char.IsAsciiLetter(path[0]) && path[1] == ':');
        if (absolute)
            throw Invalid(source, $"line {number}: the image path '{path}' is absolute; paths are relative to the folder of {LabelsFile}.");
        if (path.Split('/', '\\').Contains(".."))
            throw Invalid(source, $"line {number}: the image path '{path}' leads out of the folder of {LabelsFile} (..).");
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(System.IO.Path.Combine(rootFull, path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Invalid(source, $"line {number}: the image path '{path}' is not a valid path ({e.Message}).");
        }
        var inside = rootFull.EndsWith(System.IO.Path.DirectorySeparatorChar) ? rootFull : rootFull + System.IO.Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal))
            throw Invalid(source, $"line {number}: the image path '{path}' leads out of the folder of {LabelsFile}.");
        return full;
    }

    private static PilgiException Invalid(string source, string problem) =>
        new(ReasonCodes.LabelInvalid, $"{source} {problem}", source);
}
