using Pilgi.Core.Errors;
using Pilgi.InferenceServer.Batching;

namespace Pilgi.InferenceServer.Http;

/// <summary>
/// Turns what went wrong with a request into an RFC 9457 problem details reply with a status the client can act on:
/// 400/413/415 for a bad payload, 404 for an unknown form, 429 (with Retry-After) when busy, 500 for the service's own
/// failures. A reply about input the pipeline knows carries its reason code in <c>reason</c>. Nothing a client sends
/// escapes as an unhandled exception.
/// </summary>
internal sealed class ProblemReplies(RequestDelegate next, ILogger<ProblemReplies> log, Microsoft.Extensions.Options.IOptions<InferenceServerOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // the client went away: nobody to answer
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var problem = Describe(e);
            if (problem.Status >= 500) log.LogError(e, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            if (problem.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var extensions = problem.Reason is null ? null : new Dictionary<string, object?> { ["reason"] = problem.Reason };
            await Results.Problem(problem.Message, statusCode: problem.Status, title: problem.Title, extensions: extensions).ExecuteAsync(http);
        }
    }

    private ProblemException Describe(Exception e) => e switch
    {
        ProblemException p => p,
        QueueFullException q => ProblemException.Busy(q.Message, options.Value.RetryAfterSeconds),
        PilgiException p => new ProblemException(StatusFor(p.Reason), TitleFor(p.Reason), p.Message, p.Reason),
        BadHttpRequestException b => new ProblemException(b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", b.Message),
        FormatException f => ProblemException.BadRequest(f.Message),
        _ => new ProblemException(StatusCodes.Status500InternalServerError, "Inference failed", e.Message, ReasonCodes.InferenceFailed),
    };

    private static int StatusFor(string reason) => reason switch
    {
        ReasonCodes.ImageTooLarge or ReasonCodes.ImageTooManyPixels or ReasonCodes.ImageTooManyPages => StatusCodes.Status413PayloadTooLarge,
        ReasonCodes.TemplateUnknown => StatusCodes.Status404NotFound,
        ReasonCodes.TemplateInvalid or ReasonCodes.ReferenceMissing => StatusCodes.Status422UnprocessableEntity,
        ReasonCodes.InferenceFailed or ReasonCodes.InternalError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleFor(string reason) => reason.StartsWith("image_", StringComparison.Ordinal) ? "Image refused"
        : reason.StartsWith("template_", StringComparison.Ordinal) || reason == ReasonCodes.ReferenceMissing ? "Form not available"
        : "Request refused";
}
