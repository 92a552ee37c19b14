using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Hosting;

/// <summary>An upload not started yet: found by a listing, or <see cref="Queued"/> by a caller that uploaded it.</summary>
internal sealed record WaitingScan(string Key, ScanJob Job, DateTimeOffset Uploaded, bool Queued);
