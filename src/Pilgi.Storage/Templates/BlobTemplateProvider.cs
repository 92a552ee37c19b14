using Pilgi.Core.Errors;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;
using Pilgi.Inference.Detection;
using Pilgi.Reading.Templates;
using Pilgi.Storage;

namespace Pilgi.Storage.Templates;

/// <summary>
/// The registered forms from the <see cref="StorageNames.Templates"/> container: every top-level
/// <c>&lt;id&gt;.json</c> with the reference image it names (<c>&lt;id&gt;.png</c>), so adding a form is an upload.
/// The container is listed again when the forms were last looked at more than <see cref="RefreshInterval"/> ago, or
/// when an unknown template is asked for; the store is rebuilt only when a name or ETag changed. A template file
/// that does not load does not hide the others: asking for it gives its <c>template_invalid</c> error.
/// </summary>
public sealed class BlobTemplateProvider : ITemplateProvider
{
    private readonly IBlobStore _blobs;
    private readonly PageRegistrar _registrar;
    private readonly DetectionOptions _detection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    /// <summary>The forms as last loaded, the listing they were loaded from, and when the listing was last compared.</summary>
    private sealed class Snapshot(TemplateStore store, string signature, IReadOnlyDictionary<string, PilgiException> invalid)
    {
        public TemplateStore Store { get; } = store;
        public string Signature { get; } = signature;
        public IReadOnlyDictionary<string, PilgiException> Invalid { get; } = invalid;
        private long _checkedAtTicks;

        /// <summary>Read by every caller, written under the gate: kept as ticks so that reads are never torn.</summary>
        public DateTimeOffset CheckedAt
        {
            get => new(Interlocked.Read(ref _checkedAtTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _checkedAtTicks, value.UtcTicks);
        }
    }

    public BlobTemplateProvider(IBlobStore blobs, PageRegistrar registrar, DetectionOptions detection,
        TimeSpan? refreshInterval = null, TimeProvider? time = null)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _detection = detection ?? throw new ArgumentNullException(nameof(detection));
        RefreshInterval = refreshInterval ?? TimeSpan.FromMinutes(1);
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan RefreshInterval { get; }

    public async ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default)
    {
        var snapshot = _current;
        if (snapshot is null || IsStale(snapshot) || (templateId is not null && !Knows(snapshot, templateId)))
            snapshot = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (templateId is not null && snapshot.Invalid.TryGetValue(templateId, out var invalid))
            throw new PilgiException(invalid.Reason, invalid.Message, invalid.Subject, invalid);
        return snapshot.Store;
    }

    private bool IsStale(Snapshot s) => _time.GetUtcNow() - s.CheckedAt >= RefreshInterval;

    private static bool Knows(Snapshot s, string id) => s.Store.Contains(id) || s.Invalid.ContainsKey(id);

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var listing = await _blobs.ListAsync(StorageNames.Templates, "", cancellationToken).ConfigureAwait(false);
            var topLevel = listing.Where(b => !b.Name.Contains('/')).ToList();
            string signature = string.Join("\n", topLevel.Select(b => b.Name + "|" + b.ETag));
            if (_current is { } same && same.Signature == signature)
            {
                same.CheckedAt = _time.GetUtcNow();
                return same;
            }
            var loaded = await LoadAsync(topLevel, signature, cancellationToken).ConfigureAwait(false);
            loaded.CheckedAt = _time.GetUtcNow();
            _current = loaded;
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(List<BlobEntry> blobs, string signature, CancellationToken cancellationToken)
    {
        var names = blobs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var templates = new List<FormTemplate>();
        var references = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var invalid = new Dictionary<string, PilgiException>(StringComparer.Ordinal);
        foreach (var entry in blobs.Where(b => b.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            string id = entry.Name[..^".json".Length];
            string source = $"{StorageNames.Templates}/{entry.Name}";
            try
            {
                var json = await _blobs.ReadAsync(StorageNames.Templates, entry.Name, cancellationToken).ConfigureAwait(false);
                var template = TemplateLoader.Parse(System.Text.Encoding.UTF8.GetString(json.Data), source);
                if (template.Id != id)
                    throw new PilgiException(ReasonCodes.TemplateInvalid,
                        $"Template '{source}' has id '{template.Id}'; a template's id must match its file name ('{id}').", source);
                if (names.Contains(template.Reference))
                {
                    var reference = await _blobs.ReadAsync(StorageNames.Templates, template.Reference, cancellationToken).ConfigureAwait(false);
                    references[template.Id] = reference.Data;
                }
                templates.Add(template);
            }
            catch (PilgiException e)
            {
                invalid[id] = e;
            }
            catch (BlobNotFoundException)
            {
                // deleted between listing and reading: it is simply not registered any more
            }
        }
        var catalog = new TemplateCatalog(templates);
        var store = new TemplateStore(catalog, t => references.TryGetValue(t.Id, out var bytes) ? bytes
            : throw new PilgiException(ReasonCodes.ReferenceMissing,
                $"Reference image '{StorageNames.Templates}/{t.Reference}' of template '{t.Id}' does not exist.",
                $"{StorageNames.Templates}/{t.Reference}"), _registrar, _detection);
        return new Snapshot(store, signature, invalid);
    }
}
