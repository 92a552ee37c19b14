namespace Pilgi.Storage;

/// <summary>The blob (or its container) does not exist.</summary>
public sealed class BlobNotFoundException(string container, string name)
    : IOException($"Blob '{container}/{name}' does not exist.")
{
    public string Container { get; } = container;
    public string Name { get; } = name;
}
