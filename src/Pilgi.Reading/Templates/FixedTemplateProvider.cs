namespace Pilgi.Reading.Templates;

/// <summary>One store loaded up front, e.g. <see cref="TemplateStore.FromDirectory"/>.</summary>
public sealed class FixedTemplateProvider(TemplateStore store) : ITemplateProvider
{
    public TemplateStore Store { get; } = store ?? throw new ArgumentNullException(nameof(store));

    public ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Store);
}
