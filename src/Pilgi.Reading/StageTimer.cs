using System.Diagnostics;

namespace Pilgi.Reading;

/// <summary>Adds up milliseconds per stage ("decode", "registration", …) and the total.</summary>
public sealed class StageTimer
{
    private readonly Dictionary<string, double> _ms = new(StringComparer.Ordinal);
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public T Time<T>(string stage, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        try { return work(); }
        finally { Add(stage, sw.Elapsed.TotalMilliseconds); }
    }

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var sw = Stopwatch.StartNew();
        try { return await work().ConfigureAwait(false); }
        finally { Add(stage, sw.Elapsed.TotalMilliseconds); }
    }

    public void Add(string stage, double ms) => _ms[stage] = _ms.GetValueOrDefault(stage) + ms;

    public Dictionary<string, double> Snapshot()
    {
        var d = _ms.ToDictionary(kv => kv.Key + "Ms", kv => Math.Round(kv.Value, 1), StringComparer.Ordinal);
        d["totalMs"] = Math.Round(_total.Elapsed.TotalMilliseconds, 1);
        return d;
    }
}
