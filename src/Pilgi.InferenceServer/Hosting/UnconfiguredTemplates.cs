using Pilgi.Core.Errors;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>No form source is configured: recognition works, detection says what to set.</summary>
internal sealed class UnconfiguredTemplates : ITemplateProvider
{
    public ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default) =>
        throw new PilgiException(ReasonCodes.TemplateUnknown,
            $"This inference service has no forms to detect against: set {ReadingOptions.SectionName}:{nameof(ReadingOptions.TemplatesDirectory)} " +
            $"or {ReadingOptions.SectionName}:{nameof(ReadingOptions.StorageConnectionString)} (the templates container), as the pipeline has them.",
            templateId);
}
