using Pilgi.Core.Errors;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;
using Pilgi.Reading.Templates;

namespace Pilgi.Reading.Tests.Templates;

public class TemplateStoreTests
{
    [Fact]
    public void A_missing_reference_image_is_refused_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("pilgi-templates-").FullName;
        var source = Directory.GetFiles(RepoPaths.SampleTemplates, "*.json")[0];
        File.Copy(source, Path.Combine(dir, Path.GetFileName(source)));
        var store = TemplateStore.FromDirectory(dir, new PageRegistrar(), new DetectionOptions());
        var id = store.All.Single().Id;

        var e = Assert.Throws<PilgiException>(() => store.Get(id));
        Assert.Equal(ReasonCodes.ReferenceMissing, e.Reason);
        Assert.Contains(Path.Combine(dir, id + ".png"), e.Message);
    }

    [Fact]
    public void An_unknown_template_id_is_refused_listing_the_registered_ones()
    {
        var store = TemplateStore.FromDirectory(RepoPaths.SampleTemplates, new PageRegistrar(), new DetectionOptions());
        var e = Assert.Throws<PilgiException>(() => store.Get("no-such-form"));
        Assert.Equal(ReasonCodes.TemplateUnknown, e.Reason);
        Assert.Contains(store.All.First().Id, e.Message);
    }
}
