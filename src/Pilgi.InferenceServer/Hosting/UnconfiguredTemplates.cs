using Pilgi.Core.Errors;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Templates;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>No form source is configured: recognition works, detection says what to set.</summary>
internal sealed class UnconfiguredTemplates : ITemplateProvider
{
    public ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default) =>
        throw new PilgiException(ReasonCodes.TemplateUnknown,
            $"This inference service has no forms to detect against: set {PipelineOptions.SectionName}:{nameof(PipelineOptions.TemplatesDirectory)} " +
            $"or {PipelineOptions.SectionName}:{nameof(PipelineOptions.StorageConnectionString)} (the templates container), as the pipeline has them.",
            templateId);
}
