namespace Pilgi.Storage;

/// <summary>Checks on blob names shared by the stores: relative, '/'-separated, no empty, '.' or '..' segments.</summary>
public static class BlobNames
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a safe blob name.</summary>
    public static void Validate(string name, string paramName = "name")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        if (name.Contains('\\') || name.Contains('\0'))
            throw new ArgumentException($"Blob name '{name}' must use '/' as its only separator.", paramName);
        foreach (var segment in name.Split('/'))
            if (segment.Length == 0 || segment == "." || segment == "..")
                throw new ArgumentException($"Blob name '{name}' has an empty, '.' or '..' segment.", paramName);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="container"/> is a valid container name.</summary>
    public static void ValidateContainer(string container)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        if (container.Length is < 3 or > 63 || !container.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            throw new ArgumentException($"Container name '{container}' must be 3-63 lower-case letters, digits or '-'.", nameof(container));
    }
}
