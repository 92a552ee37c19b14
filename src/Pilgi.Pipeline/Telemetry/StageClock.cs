namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// Milliseconds per orchestration stage from the orchestration's own clock (<c>CurrentUtcDateTime</c>), so that a
/// replay computes the same values; a stage's time includes the queueing of its activities.
/// </summary>
internal sealed class StageClock(DateTime start)
{
    private readonly Dictionary<string, double> _ms = new(StringComparer.Ordinal);
    private DateTime _last = start;

    public DateTime Start { get; } = start;

    public IReadOnlyDictionary<string, double> Milliseconds => _ms;

    /// <summary>Ends <paramref name="stage"/> at <paramref name="now"/>; the next stage starts there.</summary>
    public void Done(string stage, DateTime now)
    {
        _ms[stage] = Math.Round((now - _last).TotalMilliseconds, 1);
        _last = now;
    }
}
