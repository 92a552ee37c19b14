using System.Collections.Concurrent;
using Pilgi.Core.Errors;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading.Templates;

/// <summary>
/// The registered forms: template files and their blank references, each reference decoded and prepared once
/// on first use. Built from a folder (<see cref="FromDirectory"/>) or from the templates container
/// (<see cref="BlobTemplateProvider"/>).
/// </summary>
public sealed class TemplateStore
{
    private readonly TemplateCatalog _catalog;
    private readonly Func<FormTemplate, byte[]> _readReference;
    private readonly PageRegistrar _registrar;
    private readonly DetectionOptions _detection;
    private readonly ConcurrentDictionary<string, Lazy<FormReference>> _prepared = new(StringComparer.Ordinal);

    /// <summary>References are read from each template's <see cref="FormTemplate.ReferencePath"/> on disk.</summary>
    public TemplateStore(TemplateCatalog catalog, PageRegistrar registrar, DetectionOptions detection)
        : this(catalog, ReadReferenceFile, registrar, detection)
    {
    }

    /// <param name="readReference">
    /// The encoded reference image of a template; throws <see cref="PilgiException"/> (<c>reference_missing</c>)
    /// when there is none.
    /// </param>
    public TemplateStore(TemplateCatalog catalog, Func<FormTemplate, byte[]> readReference, PageRegistrar registrar,
        DetectionOptions detection)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(readReference);
        _catalog = catalog;
        _readReference = readReference;
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

    /// <summary>Decodes and prepares every registered reference now (before timing work, say) instead of on first use.</summary>
    public void PrepareAll()
    {
        foreach (var t in All) Get(t.Id);
    }

    public FormReference Get(string id)
    {
        var template = _catalog.TryGet(id)
            ?? throw new PilgiException(ReasonCodes.TemplateUnknown,
                $"Unknown template '{id}'. Registered: {string.Join(", ", _catalog.All.Select(t => t.Id))}.", id);
        var lazy = _prepared.GetOrAdd(id, _ => new Lazy<FormReference>(() => Prepare(template)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // a reference that could not be read now may be uploaded later: do not remember the failure
            _prepared.TryRemove(new KeyValuePair<string, Lazy<FormReference>>(id, lazy));
            throw;
        }
    }

    private FormReference Prepare(FormTemplate template)
    {
        var bytes = _readReference(template);
        var reference = ImageCodec.LoadGray(bytes, template.ReferencePath);
        try
        {
            return new FormReference(template, reference, _registrar, _detection);
        }
        catch (ArgumentException e)
        {
            throw new PilgiException(ReasonCodes.TemplateInvalid, e.Message, template.SourcePath, e);
        }
    }

    private static byte[] ReadReferenceFile(FormTemplate template)
    {
        var path = template.ReferencePath;
        if (!File.Exists(path))
            throw new PilgiException(ReasonCodes.ReferenceMissing,
                $"Reference image '{template.Reference}' of template '{template.Id}' not found at {path}.", path);
        return File.ReadAllBytes(path);
    }
}
