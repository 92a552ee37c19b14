namespace Pilgi.Reading.Templates;

/// <summary>Where the activities get the registered forms from (a folder, or the templates container).</summary>
public interface ITemplateProvider
{
    /// <summary>
    /// The registered forms. When <paramref name="templateId"/> is given and not (yet) known, the source is looked
    /// at again first, so that a form uploaded a moment ago is found.
    /// </summary>
    ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default);
}
