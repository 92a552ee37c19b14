using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Pilgi.Storage;

namespace Pilgi.Functions.Http;

/// <summary>The HTTP side: a scan's status and the app's health.</summary>
public sealed class StatusFunctions(ScanStatusQuery scans, HealthCheck health)
{
    /// <summary>
    /// <c>GET /api/scans/{templateId}/{*path}</c> (function key): the current upload of <c>scans/{templateId}/{path}</c>,
    /// its instance (from the path and the blob's current ETag), its runtime status and, when done, the result or error
    /// record. 404 when there is no such blob, 400 when the path names no scan.
    /// </summary>
    [Function(FunctionNames.ScanStatus)]
    public async Task<HttpResponseData> ScanStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FunctionSettings.ScanStatusRoute)] HttpRequestData request,
        string templateId,
        string path,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var blobName = ScanStatusQuery.BlobName(templateId, path, out var problem);
        if (blobName is null) return await JsonResponses.ErrorAsync(request, HttpStatusCode.BadRequest, problem!, cancellationToken).ConfigureAwait(false);

        var report = await scans.GetAsync(client, blobName, cancellationToken).ConfigureAwait(false);
        return report is null
            ? await JsonResponses.ErrorAsync(request, HttpStatusCode.NotFound, $"No blob '{StorageNames.Scans}/{blobName}'.", cancellationToken).ConfigureAwait(false)
            : await JsonResponses.WriteAsync(request, HttpStatusCode.OK, report, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/health</c> (anonymous): 200 with the model versions and the number of registered forms, else 503.</summary>
    [Function(FunctionNames.Health)]
    public async Task<HttpResponseData> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionSettings.HealthRoute)] HttpRequestData request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await health.CheckAsync(context.CancellationToken).ConfigureAwait(false);
        return await JsonResponses.WriteAsync(request, report.Healthy ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, report,
            context.CancellationToken).ConfigureAwait(false);
    }
}
