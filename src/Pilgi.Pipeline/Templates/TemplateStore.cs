using System.Collections.Concurrent;
using Pilgi.Core.Errors;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;

namespace Pilgi.Pipeline.Templates;

/// <summary>
/// The registered forms: template files and their blank references, each reference decoded and prepared once
/// on first use.
/// </summary>
public sealed class TemplateStore
{
    private readonly TemplateCatalog _catalog;
    private readonly PageRegistrar _registrar;
    private readonly DetectionOptions _detection;
    private readonly ConcurrentDictionary<string, Lazy<FormReference>> _prepared = new(StringComparer.Ordinal);

    public TemplateStore(TemplateCatalog catalog, PageRegistrar registrar, DetectionOptions detection)
    {
        _catalog = catalog;
        _registrar = registrar;
        _detection = detection;
    }

    public static TemplateStore FromDirectory(string directory, PageRegistrar registrar, DetectionOptions detection)
    {
        if (!Directory.Exists(directory))
            throw new PilgiException(ReasonCodes.TemplateUnknown, $"Template folder not found: {directory}", directory);
        return new TemplateStore(TemplateCatalog.LoadDirectory(directory), registrar, detection);
    }

    public IReadOnlyCollection<FormTemplate> All => _catalog.All;

    public bool Contains(string id) => _catalog.TryGet(id) is not null;

    public FormReference Get(string id)
    {
        var template = _catalog.TryGet(id)
            ?? throw new PilgiException(ReasonCodes.TemplateUnknown,
                $"Unknown template '{id}'. Registered: {string.Join(", ", _catalog.All.Select(t => t.Id))}.", id);
        return _prepared.GetOrAdd(id, _ => new Lazy<FormReference>(() => Prepare(template))).Value;
    }

    private FormReference Prepare(FormTemplate template)
    {
        var path = template.ReferencePath;
        if (!File.Exists(path))
            throw new PilgiException(ReasonCodes.ReferenceMissing,
                $"Reference image '{template.Reference}' of template '{template.Id}' not found at {path}.", path);
        var reference = ImageCodec.LoadGray(File.ReadAllBytes(path), path);
        return new FormReference(template, reference, _registrar, _detection);
    }
}
