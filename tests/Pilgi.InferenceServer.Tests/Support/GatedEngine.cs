using System.Collections.Concurrent;
using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;

namespace Pilgi.InferenceServer.Tests.Support;

/// <summary>
/// An engine whose runs wait until the test opens the gate: the test decides when the model is busy. Every line pads to
/// the same width, so lines of any requests may share a run; each run's size is recorded.
/// </summary>
internal sealed class GatedEngine : ILineBatchEngine
{
    private readonly ManualResetEventSlim _open = new(false);
    private readonly SemaphoreSlim _entered = new(0);

    public string ModelId => "gated@1";

    public ConcurrentQueue<int> RunSizes { get; } = new();

    public PreparedLine Prepare(GrayImage crop, string? alphabet) => new(4, 32, [], alphabet);

    public IReadOnlyList<TextRecognition> RunBatch(IReadOnlyList<PreparedLine> lines)
    {
        _entered.Release();
        if (!_open.Wait(TimeSpan.FromMinutes(2))) throw new TimeoutException("The test never opened the gate.");
        RunSizes.Enqueue(lines.Count);
        return lines.Select(l => new TextRecognition("read", 0.5)).ToList();
    }

    /// <summary>Waits until a run has started (and is held at the gate).</summary>
    public async Task WaitForRunAsync()
    {
        Assert.True(await _entered.WaitAsync(TimeSpan.FromMinutes(1)), "no run started");
    }

    public void Open() => _open.Set();
}
