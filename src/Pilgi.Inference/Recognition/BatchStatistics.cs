namespace Pilgi.Inference.Recognition;

/// <summary>How many lines each model run held: a histogram, thread-safe, for reports (bench, the service's stats).</summary>
public sealed class BatchStatistics
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, long> _runsBySize = [];

    public void Record(int size)
    {
        lock (_gate) _runsBySize[size] = _runsBySize.GetValueOrDefault(size) + 1;
    }

    public BatchSizes Snapshot()
    {
        lock (_gate) return new BatchSizes(new SortedDictionary<int, long>(_runsBySize));
    }
}

/// <summary>Runs by their size (lines per run).</summary>
public sealed record BatchSizes(IReadOnlyDictionary<int, long> RunsBySize)
{
    public long Runs => RunsBySize.Values.Sum();

    public long Lines => RunsBySize.Sum(kv => kv.Key * kv.Value);

    public double Mean => Runs == 0 ? 0 : (double)Lines / Runs;

    public int Max => RunsBySize.Count == 0 ? 0 : RunsBySize.Keys.Max();

    /// <summary>The size of the run that holds the median line (half the lines were read in runs at least this big).</summary>
    public int MedianLineRun
    {
        get
        {
            long half = (Lines + 1) / 2, seen = 0;
            foreach (var (size, runs) in RunsBySize.OrderBy(kv => kv.Key))
            {
                seen += size * runs;
                if (seen >= half) return size;
            }
            return 0;
        }
    }

    /// <summary>What happened since <paramref name="earlier"/> (a snapshot of the same statistics).</summary>
    public BatchSizes Since(BatchSizes earlier)
    {
        var d = new SortedDictionary<int, long>();
        foreach (var (size, runs) in RunsBySize)
        {
            long n = runs - earlier.RunsBySize.GetValueOrDefault(size);
            if (n > 0) d[size] = n;
        }
        return new BatchSizes(d);
    }

    public override string ToString() =>
        Runs == 0 ? "no runs" : $"{Runs} runs, {Lines} lines: mean {Mean:0.0} lines/run, max {Max}, median line in a run of {MedianLineRun}";
}
