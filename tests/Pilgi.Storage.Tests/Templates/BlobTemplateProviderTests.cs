using Pilgi.Core.Errors;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;
using Pilgi.Reading.Templates;
using Pilgi.Storage.Templates;

namespace Pilgi.Storage.Tests.Templates;

public class BlobTemplateProviderTests : IDisposable
{
    private readonly TestStorage _storage = TestStorage.CreateEmpty();

    public void Dispose() => _storage.Dispose();

    private BlobTemplateProvider Provider(TimeSpan? refresh = null) =>
        new(_storage.Files, new PageRegistrar(), new DetectionOptions(), refresh ?? TimeSpan.FromHours(1));

    private void Upload(string id)
    {
        foreach (var ext in new[] { ".json", ".png" })
            _storage.Put(StorageNames.Templates, id + ext, File.ReadAllBytes(Path.Combine(RepoPaths.SampleTemplates, id + ext)));
    }

    [Fact]
    public async Task The_forms_are_the_templates_in_the_container_with_their_references()
    {
        Upload("remittance");
        Upload("deposit");

        var store = await Provider().GetAsync();

        Assert.Equal(["deposit", "remittance"], store.All.Select(t => t.Id));
        var form = store.Get("remittance");
        Assert.Equal(form.Template.PageWidth, form.Reference.Width);
    }

    [Fact]
    public async Task A_form_uploaded_later_is_found_when_it_is_asked_for()
    {
        Upload("remittance");
        var provider = Provider();
        Assert.False((await provider.GetAsync()).Contains("deposit"));

        Upload("deposit");

        Assert.True((await provider.GetAsync("deposit")).Contains("deposit"));
    }

    [Fact]
    public async Task An_unchanged_container_keeps_the_prepared_store()
    {
        Upload("remittance");
        var provider = Provider(TimeSpan.Zero);

        var first = await provider.GetAsync();
        var second = await provider.GetAsync();

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_broken_template_is_refused_by_id_and_does_not_hide_the_others()
    {
        Upload("remittance");
        _storage.Put(StorageNames.Templates, "broken.json", "{ not json"u8.ToArray());
        var provider = Provider();

        var e = await Assert.ThrowsAsync<PilgiException>(async () => await provider.GetAsync("broken"));

        Assert.Equal(ReasonCodes.TemplateInvalid, e.Reason);
        Assert.Contains("templates/broken.json", e.Message);
        Assert.True((await provider.GetAsync("remittance")).Contains("remittance"));
    }

    [Fact]
    public async Task A_template_without_its_reference_image_is_refused_when_used()
    {
        _storage.Put(StorageNames.Templates, "deposit.json", File.ReadAllBytes(Path.Combine(RepoPaths.SampleTemplates, "deposit.json")));

        var store = await Provider().GetAsync("deposit");

        var e = Assert.Throws<PilgiException>(() => store.Get("deposit"));
        Assert.Equal(ReasonCodes.ReferenceMissing, e.Reason);
        Assert.Contains("templates/deposit.png", e.Message);
    }

    [Fact]
    public async Task An_unknown_template_is_refused_listing_the_registered_ones()
    {
        Upload("remittance");

        var store = await Provider().GetAsync("nope");

        var e = Assert.Throws<PilgiException>(() => store.Get("nope"));
        Assert.Equal(ReasonCodes.TemplateUnknown, e.Reason);
        Assert.Contains("remittance", e.Message);
    }
}
