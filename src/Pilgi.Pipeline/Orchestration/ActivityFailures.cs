using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Pilgi.Core.Errors;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// How a failure crosses the activity boundary. Activities rethrow a <see cref="PilgiException"/> (bad input)
/// with its reason code in front of the message (<c>[image_corrupt] scans/…</c>): failure details carry only an
/// exception type and message, and this way the code survives every host (the in-process worker, Durable
/// Functions). The orchestrator does not retry such failures and writes the code into the error record; any
/// other failure is retried and then recorded as <c>internal_error</c> (<c>inference_failed</c> when reading
/// the crops failed).
/// </summary>
public static partial class ActivityFailures
{
    /// <summary>Runs an activity body, turning a <see cref="PilgiException"/> into its tagged form.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (PilgiException e) when (TryParseTag(e.Message) is null)
        {
            throw new PilgiException(e.Reason, Tag(e.Reason, e.Message), e.Subject, e);
        }
    }

    /// <summary><c>[reason] message</c>.</summary>
    public static string Tag(string reason, string message) => $"[{reason}] {message}";

    /// <summary>The reason and message of a tagged message; null when it carries no tag.</summary>
    public static (string Reason, string Message)? TryParseTag(string? message)
    {
        if (message is null) return null;
        var m = TagPattern().Match(message);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    /// <summary>Whether the failure is bad input, which no retry can fix.</summary>
    public static bool IsBadInput(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.ErrorType == typeof(PilgiException).FullName || TryParseTag(failure.ErrorMessage) is not null) return true;
        try
        {
            return failure.IsCausedBy<PilgiException>();
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>The reason code and message to record for an activity that failed at <paramref name="stage"/>.</summary>
    public static (string Reason, string Message) Describe(TaskFailureDetails failure, string stage, int attempts)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (TryParseTag(failure.ErrorMessage) is { } tagged) return tagged;
        if (failure.InnerFailure is { } inner && TryParseTag(inner.ErrorMessage) is { } innerTagged) return innerTagged;
        if (IsBadInput(failure)) return (ReasonCodes.InternalError, failure.ErrorMessage);
        string reason = stage == ReadScanStages.Recognize ? ReasonCodes.InferenceFailed : ReasonCodes.InternalError;
        string tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return (reason, $"The {stage} step failed after {tries}: {failure.ErrorType}: {failure.ErrorMessage}");
    }

    [GeneratedRegex(@"^\[([a-z0-9_]+)\] (.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
