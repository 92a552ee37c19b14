using Pilgi.Core.Geometry;

namespace Pilgi.Core.Templates;

/// <summary>
/// A form layout loaded from <c>templates/&lt;id&gt;.json</c>. Coordinates are pixels of the blank reference image.
/// </summary>
public sealed record FormTemplate
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int PageWidth { get; init; }
    public required int PageHeight { get; init; }

    /// <summary>The reference image name as written in the file.</summary>
    public required string Reference { get; init; }

    /// <summary>The reference image path resolved against the template file's folder (as written when there is none).</summary>
    public required string ReferencePath { get; init; }

    /// <summary>Fields in file order, which is also the order of fields in results.</summary>
    public required IReadOnlyList<TemplateField> Fields { get; init; }

    /// <summary>Where the template came from (file path or the name given to the parser).</summary>
    public string? SourcePath { get; init; }

    public Box PageBox => new(0, 0, PageWidth, PageHeight);

    public TemplateField? TryGetField(string key)
    {
        foreach (var field in Fields)
            if (field.Key == key) return field;
        return null;
    }
}
