using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pilgi.Inference.Recognition;
using Pilgi.InferenceServer.Hosting;

namespace Pilgi.InferenceServer.Batching;

/// <summary>
/// Dynamic batching of recognise requests. Requests wait in a bounded queue (<see cref="InferenceServerOptions.QueueCapacity"/>;
/// when it is full a request is turned away at once, never buffered). One loop takes the first request, lets others
/// join for <see cref="InferenceServerOptions.BatchWindow"/> or until <see cref="InferenceServerOptions.MaxBatchSize"/>
/// crops are in, and runs their lines together: grouped by padded width, at most MaxBatchSize per model run. A line
/// reads the same in any company (<see cref="OnnxLineRecognizer"/>), so merging changes throughput, not results. Every
/// line is also read at another width, as in process (<see cref="SecondOpinions"/>).
/// </summary>
internal sealed class RecognitionBatcher : BackgroundService
{
    private readonly Channel<RecognitionWork> _queue;
    private readonly ILineBatchEngine _engine;
    private readonly InferenceServerOptions _options;
    private readonly ILogger<RecognitionBatcher> _log;
    private volatile bool _running;

    public RecognitionBatcher(LoadedRecognizer recognizer, IOptions<InferenceServerOptions> options, RecognitionCounters counters,
        ILogger<RecognitionBatcher> log)
    {
        _engine = recognizer.Engine;
        _options = options.Value;
        _log = log;
        Counters = counters;
        _queue = Channel.CreateBounded<RecognitionWork>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the caller answers 429
        });
    }

    public RecognitionCounters Counters { get; }

    /// <summary>The loop is taking work.</summary>
    public bool Running => _running;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => _queue.Reader.Count;

    public bool IsFull => Waiting >= _options.QueueCapacity;

    /// <summary>Reads the lines of one request with whatever else is queued; <see cref="QueueFullException"/> when the queue is full.</summary>
    public async Task<TextRecognition[]> RecognizeAsync(PreparedLine[] lines, CancellationToken cancellationToken)
    {
        if (lines.Length == 0) return [];
        var work = new RecognitionWork(lines, cancellationToken);
        if (!_running || !_queue.Writer.TryWrite(work))
        {
            Counters.Rejected();
            throw new QueueFullException(_running
                ? $"{_options.QueueCapacity} recognise requests are waiting already."
                : "The service is not taking recognise requests (starting or stopping).");
        }
        Counters.Accepted(lines.Length);
        return await work.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var taken = await GatherAsync(reader, stoppingToken).ConfigureAwait(false);
                if (taken.Count > 0) Run(taken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _running = false;
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var left)) left.Fail(new QueueFullException("The service is stopping."));
        }
    }

    /// <summary>Everything queued now, then whatever arrives within the window, up to MaxBatchSize crops.</summary>
    private async Task<List<RecognitionWork>> GatherAsync(ChannelReader<RecognitionWork> reader, CancellationToken stoppingToken)
    {
        var taken = new List<RecognitionWork>();
        int lines = 0;
        void TakeWaiting()
        {
            while (lines < _options.MaxBatchSize && reader.TryRead(out var work))
            {
                if (work.Abandoned)
                {
                    work.Cancel();
                    continue;
                }
                taken.Add(work);
                lines += work.Lines.Length;
            }
        }

        TakeWaiting();
        if (lines >= _options.MaxBatchSize || _options.BatchWindow <= TimeSpan.Zero) return taken;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(_options.BatchWindow);
        try
        {
            while (lines < _options.MaxBatchSize && await reader.WaitToReadAsync(window.Token).ConfigureAwait(false)) TakeWaiting();
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // the window closed
        }
        return taken;
    }

    private void Run(List<RecognitionWork> taken)
    {
        Counters.Flushed(taken.Count);
        try
        {
            // a first round: every request's lines, looks and copies; a second: the third looks of the lines whose two
            // looks read differently (SecondOpinions.Disputes). Each round's lines of all requests share runs.
            var first = ReadRound(taken.Select(w => SecondOpinions.Add(w.Lines)).ToArray());
            var second = ReadRound(taken.Select((w, i) => SecondOpinions.Disputes(w.Lines, first[i])).ToArray());
            for (int w = 0; w < taken.Count; w++) taken[w].Complete(SecondOpinions.Attach(taken[w].Lines, first[w], second[w]));
        }
        catch (Exception e)
        {
            _log.LogError(e, "Recognition of {Lines} lines ({Requests} requests) failed", taken.Sum(w => w.Lines.Length), taken.Count);
            foreach (var work in taken) work.Fail(e);
        }
    }

    /// <summary>The reads of each request's lines, the lines of all requests run together.</summary>
    private TextRecognition[][] ReadRound(PreparedLine[][] expanded)
    {
        var owner = new List<(int Work, int Line)>();
        var lines = new List<PreparedLine>();
        for (int w = 0; w < expanded.Length; w++)
        {
            for (int l = 0; l < expanded[w].Length; l++)
            {
                owner.Add((w, l));
                lines.Add(expanded[w][l]);
            }
        }
        var reads = expanded.Select(e => new TextRecognition[e.Length]).ToArray();
        foreach (var run in OnnxLineRecognizer.PlanRuns(lines, _options.MaxBatchSize))
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var read = _engine.RunBatch(run.Select(i => lines[i]).ToList());
            Counters.Ran(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Counters.RunSizes.Record(run.Length);
            for (int k = 0; k < run.Length; k++) reads[owner[run[k]].Work][owner[run[k]].Line] = read[k];
        }
        return reads;
    }
}
