using Pilgi.Core.Errors;
using Pilgi.Core.Templates;
using Pilgi.Core.Tests.Support;

namespace Pilgi.Core.Tests.Templates;

public class TemplateCatalogTests
{
    [Fact]
    public void Loads_every_json_keyed_by_id()
    {
        using var dir = new TempDirectory();
        dir.Write("remittance.json", TemplateLoaderTests.Remittance);
        dir.Write("withdrawal.json", TemplateLoaderTests.Remittance.Replace("\"id\": \"remittance\"", "\"id\": \"withdrawal\""));
        dir.Write("readme.txt", "not a template");

        var catalog = TemplateCatalog.LoadDirectory(dir.Path);

        Assert.Equal(["remittance", "withdrawal"], catalog.All.Select(t => t.Id));
        Assert.NotNull(catalog.TryGet("withdrawal"));
        Assert.Null(catalog.TryGet("deposit"));
        Assert.Equal(ReasonCodes.TemplateUnknown, Assert.Throws<PilgiException>(() => catalog.Get("deposit")).Reason);
    }

    [Fact]
    public void Duplicate_id_names_both_files()
    {
        using var dir = new TempDirectory();
        dir.Write("a.json", TemplateLoaderTests.Remittance);
        dir.Write("b.json", TemplateLoaderTests.Remittance);

        var e = Assert.Throws<PilgiException>(() => TemplateCatalog.LoadDirectory(dir.Path));

        Assert.Equal(ReasonCodes.TemplateInvalid, e.Reason);
        Assert.Contains("a.json", e.Message);
        Assert.Contains("b.json", e.Message);
    }

    [Fact]
    public void Invalid_file_in_folder_fails_the_load()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.json", "{");
        var e = Assert.Throws<PilgiException>(() => TemplateCatalog.LoadDirectory(dir.Path));
        Assert.Contains("broken.json", e.Message);
    }
}
