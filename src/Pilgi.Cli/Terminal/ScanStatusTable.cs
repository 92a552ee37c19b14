using System.Globalization;
using Pilgi.Pipeline.Status;
using Pilgi.Storage;

namespace Pilgi.Cli.Terminal;

/// <summary>How <c>pilgi results</c> shows uploads to a person: a table with a summary line, or one upload's details.</summary>
internal static class ScanStatusTable
{
    private static readonly string[] Header = ["scan", "state", "fields read", "to review", "time (UTC)", ""];

    /// <summary>One row per upload, a header above and a count of each state below.</summary>
    public static List<string> Lines(IReadOnlyList<ScanStatus> all)
    {
        if (all.Count == 0)
            return [$"no uploads in '{StorageNames.Scans}' yet (pilgi upload --storage <connection string> --samples puts the samples there)"];
        var rows = all.Select(s => new[]
        {
            s.Scan, StateName(s.State),
            s.Fields is { } f ? $"{s.FieldsRead} of {f}" : "-",
            s.NeedsReview?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Time(s.Ended ?? s.Uploaded),
            Note(s),
        }).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var lines = rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).ToList();
        lines.Add("");
        lines.Add(Summary(all));
        return lines;
    }

    /// <summary><c>6 uploads: 4 read (3 with fields to review), 1 failed, 1 in flight</c>.</summary>
    public static string Summary(IReadOnlyList<ScanStatus> all)
    {
        int Count(string state) => all.Count(s => s.State == state);
        var parts = new List<string>
        {
            $"{Count(ScanStates.Read)} read ({all.Count(s => s.NeedsReview > 0)} with fields to review)",
            $"{Count(ScanStates.Failed)} failed",
            $"{Count(ScanStates.InFlight)} in flight",
        };
        if (Count(ScanStates.Ignored) is > 0 and var ignored) parts.Add($"{ignored} ignored");
        return $"{all.Count} upload{(all.Count == 1 ? "" : "s")}: {string.Join(", ", parts)}";
    }

    /// <summary>What <c>results status</c> prints: one <c>name  value</c> line per fact known.</summary>
    public static List<string> Detail(ScanStatus s)
    {
        var facts = new List<(string Name, string? Value)>
        {
            ("scan", s.Scan),
            ("template", s.TemplateId),
            ("state", StateName(s.State)),
            ("uploaded", s.Uploaded is { } u ? Time(u) : null),
            ("ended", s.Ended is { } e ? Time(e) : null),
            ("fields", s.Fields is { } f ? $"{f} ({s.FieldsRead} read, {s.NeedsReview} to review)" : null),
            ("result", s.ResultBlob is { } r ? $"{StorageNames.Results}/{r}" : null),
            ("overlays", s.OverlayBlobs.Count > 0 ? string.Join(", ", s.OverlayBlobs.Select(o => $"{StorageNames.Results}/{o}")) : null),
            ("record", s.FailureBlob is { } b ? $"{StorageNames.Failed}/{b}" : null),
            ("reason", s.Reason),
            ("message", s.Message),
            ("instance", s.InstanceId),
            ("durable", s.Orchestration),
        };
        if (s.State == ScanStates.InFlight) facts.Add(("", "no result or error record for this upload yet: serve is reading it, or will when it runs"));
        return facts.Where(f => f.Value is not null).Select(f => $"{f.Name,-9} {f.Value}".TrimEnd()).ToList();
    }

    /// <summary>A few words on why there is nothing to fetch: "still in flight", "ignored: not_a_scan".</summary>
    public static string Describe(ScanStatus s) => s.State switch
    {
        ScanStates.InFlight => "still in flight (no result or error record for this upload yet)",
        ScanStates.Ignored => $"ignored ({s.Reason}): {s.Message}",
        _ => StateName(s.State),
    };

    /// <summary>The state as a person reads it: <c>in flight</c> rather than <c>in_flight</c>.</summary>
    public static string StateName(string state) => state.Replace('_', ' ');

    private static string Note(ScanStatus s) => s.State switch
    {
        ScanStates.Failed => s.Reason ?? "",
        ScanStates.InFlight => s.Orchestration ?? "not read yet (the time is the upload's)",
        ScanStates.Ignored => s.Reason ?? "",
        _ => s.Message ?? "",
    };

    private static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";
}
