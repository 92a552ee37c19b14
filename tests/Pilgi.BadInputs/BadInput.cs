namespace Pilgi.BadInputs;

/// <summary>
/// One hostile upload: the blob to put under <c>scans/</c>, and what the pipeline must make of it — an error record
/// with <see cref="Reason"/>, or (<see cref="Reason"/> null) a result because the page can still be read.
/// </summary>
public sealed record BadInput(string Case, string ScanBlob, string? Reason, string Description)
{
    public bool ExpectsResult => Reason is null;
}
