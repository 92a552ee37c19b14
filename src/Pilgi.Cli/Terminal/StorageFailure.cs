using Azure;

namespace Pilgi.Cli.Terminal;

/// <summary>
/// A storage account that cannot be reached (or refuses the request) after the client's retries, told as a refusal
/// in one line (<c>pilgi: storage_unavailable: ...</c>, exit 1) rather than a stack trace.
/// </summary>
internal static class StorageFailure
{
    public const string Reason = "storage_unavailable";

    /// <summary>The line to print, or null when <paramref name="e"/> is not a storage failure.</summary>
    public static string? Describe(Exception e)
    {
        // the client's retries end in an AggregateException of one failure per try: the last says enough
        var last = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[^1] : e;
        return last switch
        {
            RequestFailedException { Status: > 0 } r => $"The storage account refused the request ({r.Status} {r.ErrorCode}): {FirstLine(r.Message)}",
            RequestFailedException or HttpRequestException => $"The storage account cannot be reached: {FirstLine(last.Message)}",
            _ => null,
        };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
