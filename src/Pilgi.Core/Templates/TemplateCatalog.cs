using Pilgi.Core.Errors;

namespace Pilgi.Core.Templates;

/// <summary>Templates keyed by id (ordinal, case-sensitive).</summary>
public sealed class TemplateCatalog
{
    private readonly Dictionary<string, FormTemplate> _byId;

    /// <summary>Throws <see cref="PilgiException"/> (<c>template_invalid</c>) when two templates share an id.</summary>
    public TemplateCatalog(IEnumerable<FormTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _byId = new Dictionary<string, FormTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            if (_byId.TryGetValue(template.Id, out var existing))
            {
                throw new PilgiException(ReasonCodes.TemplateInvalid,
                    $"Template id '{template.Id}' is defined twice: '{existing.SourcePath}' and '{template.SourcePath}'.",
                    template.SourcePath);
            }
            _byId.Add(template.Id, template);
        }
        All = _byId.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every template, ordered by id.</summary>
    public IReadOnlyList<FormTemplate> All { get; }

    public int Count => All.Count;

    /// <summary>
    /// Loads every <c>*.json</c> directly in <paramref name="directory"/> (in file-name order, so errors are repeatable).
    /// A missing folder, an invalid file or a duplicate id throws <see cref="PilgiException"/> (<c>template_invalid</c>).
    /// </summary>
    public static TemplateCatalog LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new PilgiException(ReasonCodes.TemplateInvalid, $"Template folder '{directory}' does not exist.", directory);
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal);
        return new TemplateCatalog(files.Select(TemplateLoader.Load));
    }

    public FormTemplate? TryGet(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The template, or <see cref="PilgiException"/> with reason <c>template_unknown</c>.</summary>
    public FormTemplate Get(string id) =>
        TryGet(id) ?? throw new PilgiException(ReasonCodes.TemplateUnknown,
            $"No template has id '{id}' (known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}).", id);
}
