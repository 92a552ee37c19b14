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
/// The upload's <c>correlationid</c> metadata travels in the job, to be echoed in its completion event.
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

        var bindingData = context.BindingContext.BindingData;
        string? etag = ScanUpload.ETagFromBindingData(bindingData);
        var metadata = ScanUpload.MetadataFromBindingData(bindingData);
        if (etag is null || metadata is null)
        {
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                string current = properties.ETag.ToString();
                // the metadata of this upload only: a newer one (new ETag) is another job, with its own trigger
                if (etag is null || ScanInstanceIds.NormalizeETag(etag) == ScanInstanceIds.NormalizeETag(current))
                    metadata ??= new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase);
                etag ??= current;
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
        job = job.WithMetadata(metadata);
        var schedule = await client.StartOnceAsync(job, cancellationToken).ConfigureAwait(false);
        if (schedule.Started)
            log.LogInformation("{Scan} (ETag {ETag}): started {InstanceId}", job.Path, job.ETag, schedule.InstanceId);
        else
            log.LogInformation("{Scan} (ETag {ETag}): {InstanceId} is already scheduled", job.Path, job.ETag, schedule.InstanceId);
    }
}
