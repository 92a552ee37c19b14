using System.Diagnostics;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>Since when the service runs (created at start-up).</summary>
internal sealed class ServiceUptime
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;
}
