using System.Diagnostics;

namespace Pilgi.Cli.Terminal;

/// <summary>Pages done and pages/s on stderr: a redrawn bar on a terminal, a line every few seconds otherwise.</summary>
public sealed class ProgressBar(int totalScans, string verb)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private TimeSpan _lastLine = TimeSpan.Zero;
    private int _scans, _pages, _failed;

    public void Report(int pages, bool failed)
    {
        _scans++;
        _pages += pages;
        if (failed) _failed++;
        double rate = _pages / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var text = $"{verb} {_scans}/{totalScans} scans, {_pages} pages, {rate:0.00} pages/s" + (_failed > 0 ? $", {_failed} failed" : "");
        if (_interactive)
        {
            int width = 24, filled = totalScans == 0 ? width : _scans * width / totalScans;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {text}   ");
            if (_scans == totalScans) Console.Error.WriteLine();
        }
        else if (_scans == totalScans || _clock.Elapsed - _lastLine > TimeSpan.FromSeconds(5))
        {
            _lastLine = _clock.Elapsed;
            Console.Error.WriteLine(text);
        }
    }
}
