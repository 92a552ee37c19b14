using Pilgi.Core.Geometry;

namespace Pilgi.Core.Templates;

/// <summary>One field of a form: its key in results, printed label, kind and box in reference-image pixels.</summary>
public sealed record TemplateField(string Key, string Label, FieldKind Kind, Box Box);
