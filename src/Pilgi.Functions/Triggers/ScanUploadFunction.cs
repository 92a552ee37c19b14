using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Functions.Triggers;

/// <summary>
/// An upload to <c>scans/&lt;templateId&gt;/…</c> starts <see cref="ReadScanOrchestrator"/> once: the instance id comes
/// from the blob's path and ETag, so a trigger that fires twice (retries, both polling paths) schedules one instance,
/// and a re-upload (new ETag) another. Binds <see cref="BlobClient"/>, so the scan's bytes are not downloaded here.
/// </summary>
public sealed class ScanUploadFunction(ILogger<ScanUploadFunction> log)
{
    [Function(FunctionNames.ScanUploaded)]
    public async Task RunAsync(
        [BlobTrigger(FunctionSettings.ScanTriggerPath, Connection = FunctionSettings.StorageConnection, Source = FunctionSettings.ScanTriggerSource)]
        BlobClient blob,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        string? problem = null;
        if (!ScanUpload.IsScansContainer(blob.BlobContainerName) || !ScanUpload.TryValidateName(blob.Name, out problem))
        {
            log.LogWarning("Ignored upload {Container}/{Blob}: {Reason}", blob.BlobContainerName, blob.Name, problem ?? "not the scans container");
            return;
        }

        string? etag = ScanUpload.ETagFromBindingData(context.BindingContext.BindingData);
        if (etag is null)
        {
            try
            {
                etag = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                log.LogInformation("Ignored {Container}/{Blob}: deleted before it was scheduled", blob.BlobContainerName, blob.Name);
                return;
            }
        }

        if (!ScanUpload.TryCreateJob(blob.BlobContainerName, blob.Name, etag, out var job, out var ignored))
        {
            log.LogWarning("Ignored upload: {Reason}", ignored);
            return;
        }
        var schedule = await client.StartOnceAsync(job, cancellationToken).ConfigureAwait(false);
        if (schedule.Started)
            log.LogInformation("{Scan} (ETag {ETag}): started {InstanceId}", job.Path, job.ETag, schedule.InstanceId);
        else
            log.LogInformation("{Scan} (ETag {ETag}): {InstanceId} is already scheduled", job.Path, job.ETag, schedule.InstanceId);
    }
}
