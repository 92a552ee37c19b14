using System.Text;
using System.Text.Json;
using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Status;

/// <summary>
/// What the pipeline made of each upload, from the blobs alone (no host needs to run): an upload in <c>scans</c> is
/// <see cref="ScanStates.Read"/> when <c>results</c> holds its result written after this upload,
/// <see cref="ScanStates.Failed"/> when <c>failed</c> holds this upload's error record (its instance id is the
/// upload's, <see cref="ScanInstanceIds"/>), and <see cref="ScanStates.InFlight"/> until then; a re-upload (new ETag)
/// is in flight again although the previous version's result or record is still there. A result or record counts
/// only when the scan it names is this upload's path (<c>a/001.jpg</c> and <c>a/001.png</c> share one output name).
/// </summary>
public sealed class ScanStatusQuery(IBlobStore blobs)
{
    /// <summary>Result documents and error records read at once.</summary>
    private const int ParallelReads = 8;

    /// <summary>Every blob in <c>scans</c>, by name.</summary>
    public async Task<IReadOnlyList<ScanStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scans = blobs.ListAsync(StorageNames.Scans, "", cancellationToken);
        var results = blobs.ListAsync(StorageNames.Results, "", cancellationToken);
        var failed = blobs.ListAsync(StorageNames.Failed, "", cancellationToken);
        await Task.WhenAll(scans, results, failed).ConfigureAwait(false);
        var outputs = new Outputs(ByName(results.Result), ByName(failed.Result));
        var uploads = scans.Result;
        var statuses = new ScanStatus[uploads.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, uploads.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => statuses[i] = await StatusOfAsync(uploads[i], outputs, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return statuses;
    }

    /// <summary>
    /// One upload, named as in <c>scans</c> (<c>remittance/001.jpg</c>) or with the container
    /// (<c>scans/remittance/001.jpg</c>); null when there is no such blob.
    /// </summary>
    public async Task<ScanStatus?> GetAsync(string scan, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scan);
        string name = NameInScans(scan);
        var upload = (await blobs.ListAsync(StorageNames.Scans, name, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(b => b.Name == name);
        if (upload is null) return null;
        if (JobOf(upload) is not { } job) return await StatusOfAsync(upload, new Outputs([], []), cancellationToken).ConfigureAwait(false);
        // the output stem's blobs only: the result, its overlays and the error record
        var results = blobs.ListAsync(StorageNames.Results, job.OutputStem + ".", cancellationToken);
        var failed = blobs.ListAsync(StorageNames.Failed, job.FailureBlob, cancellationToken);
        await Task.WhenAll(results, failed).ConfigureAwait(false);
        return await StatusOfAsync(upload, new Outputs(ByName(results.Result), ByName(failed.Result)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>scans/a/001.jpg</c> and <c>a/001.jpg</c> both name the blob <c>a/001.jpg</c>.</summary>
    public static string NameInScans(string scan)
    {
        string name = scan.Trim().TrimStart('/');
        return name.StartsWith(StorageNames.Scans + "/", StringComparison.Ordinal) ? name[(StorageNames.Scans.Length + 1)..] : name;
    }

    private sealed record Outputs(Dictionary<string, BlobEntry> Results, Dictionary<string, BlobEntry> Failed);

    private async Task<ScanStatus> StatusOfAsync(BlobEntry upload, Outputs outputs, CancellationToken ct)
    {
        if (!ScanJob.IsScanName(upload.Name))
            return new ScanStatus(upload.Name, null, ScanStates.Ignored, upload.LastModified)
            {
                Reason = ScanStates.NotAScan,
                Message = $"Not read: only {ScanJob.ScanExtensionList} uploads are scans.",
            };
        if (JobOf(upload) is not { } job)
            return new ScanStatus(upload.Name, null, ScanStates.Ignored, upload.LastModified)
            {
                Reason = ScanStates.NoTemplateFolder,
                Message = $"Not read: scans go to '{StorageNames.Scans}/<templateId>/<name>'.",
            };
        var inFlight = new ScanStatus(upload.Name, job.TemplateId, ScanStates.InFlight, upload.LastModified) { InstanceId = job.InstanceId };
        var read = await ReadAsync(job, upload, outputs, inFlight, ct).ConfigureAwait(false);
        var failed = await FailedAsync(job, upload, outputs, inFlight, ct).ConfigureAwait(false);
        // both: a step wrote the result and was then reported failed (a storage outage): the one written last
        if (read is not null && failed is not null) return read.Ended >= failed.Ended ? read : failed;
        return read ?? failed ?? inFlight;
    }

    private async Task<ScanStatus?> ReadAsync(ScanJob job, BlobEntry upload, Outputs outputs, ScanStatus inFlight, CancellationToken ct)
    {
        // the result names no upload version: one written before this upload belongs to an earlier one
        if (!outputs.Results.TryGetValue(job.ResultBlob, out var entry) || entry.LastModified < upload.LastModified) return null;
        var json = await TryReadAsync(StorageNames.Results, job.ResultBlob, ct).ConfigureAwait(false);
        if (json is null) return null;
        ScanResult result;
        try
        {
            result = ResultJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            return inFlight with { State = ScanStates.Read, Ended = entry.LastModified, ResultBlob = job.ResultBlob, Message = $"The result is not valid JSON: {e.Message}" };
        }
        if (result.Scan != job.Path) return null;
        var overlays = Enumerable.Range(1, Math.Max(1, result.Pages)).Select(job.OverlayBlobFor).Where(outputs.Results.ContainsKey).ToList();
        var fields = result.Fields.Values;
        return inFlight with
        {
            State = ScanStates.Read,
            Ended = entry.LastModified,
            Fields = fields.Count,
            FieldsRead = fields.Count(f => f.Value is not null),
            NeedsReview = fields.Count(f => f.NeedsReview),
            ResultBlob = job.ResultBlob,
            OverlayBlobs = overlays,
        };
    }

    private async Task<ScanStatus?> FailedAsync(ScanJob job, BlobEntry upload, Outputs outputs, ScanStatus inFlight, CancellationToken ct)
    {
        if (!outputs.Failed.TryGetValue(job.FailureBlob, out var entry)) return null;
        var json = await TryReadAsync(StorageNames.Failed, job.FailureBlob, ct).ConfigureAwait(false);
        if (json is null) return null;
        ErrorRecord record;
        try
        {
            record = ResultJson.DeserializeError(json);
        }
        catch (JsonException)
        {
            return null;
        }
        // the record names the instance, and so the upload version, that failed
        bool thisUpload = record.InstanceId is { } id ? id == job.InstanceId : !(entry.LastModified < upload.LastModified);
        if (record.Scan != job.Path || !thisUpload) return null;
        return inFlight with
        {
            State = ScanStates.Failed,
            Ended = entry.LastModified,
            Reason = record.Reason,
            Message = record.Message,
            FailureBlob = job.FailureBlob,
        };
    }

    private async Task<string?> TryReadAsync(string container, string name, CancellationToken ct)
    {
        try
        {
            return Encoding.UTF8.GetString((await blobs.ReadAsync(container, name, ct).ConfigureAwait(false)).Data);
        }
        catch (BlobNotFoundException)
        {
            return null; // deleted since it was listed
        }
    }

    private static ScanJob? JobOf(BlobEntry upload)
    {
        try
        {
            return ScanJob.FromBlob(StorageNames.Scans, upload.Name, upload.ETag);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Dictionary<string, BlobEntry> ByName(IReadOnlyList<BlobEntry> entries) =>
        entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
}
