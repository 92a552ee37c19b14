using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Templates;
using Pilgi.Core.Tests.Support;

namespace Pilgi.Core.Tests.Templates;

public class TemplateLoaderTests
{
    public const string Remittance = """
        {"id": "remittance", "title": "송금의뢰서", "page": {"width": 2480, "height": 3508}, "reference": "remittance.png",
         "version": 3, "notes": {"author": "kim"},
         "fields": [{"key": "sender", "label": "성명", "kind": "name", "box": [720, 520, 1560, 190], "hint": "x"},
                    {"key": "amount", "label": "송금금액", "kind": "amount", "box": [720, 1660, 1560, 190]},
                    {"key": "amount_words", "label": "금액(한글)", "kind": "amount_hangul", "box": [720, 1900, 1560, 190.5]}]}
        """;

    [Fact]
    public void Parses_a_valid_template_ignoring_unknown_keys()
    {
        var template = TemplateLoader.Parse(Remittance, "templates/remittance.json");

        Assert.Equal("remittance", template.Id);
        Assert.Equal("송금의뢰서", template.Title);
        Assert.Equal(2480, template.PageWidth);
        Assert.Equal(3508, template.PageHeight);
        Assert.Equal("remittance.png", template.Reference);
        Assert.Equal(["sender", "amount", "amount_words"], template.Fields.Select(f => f.Key));
        Assert.Equal(new TemplateField("sender", "성명", FieldKind.Name, new Box(720, 520, 1560, 190)), template.Fields[0]);
        Assert.Equal(FieldKind.AmountHangul, template.TryGetField("amount_words")!.Kind);
        Assert.Null(template.TryGetField("nope"));
    }

    [Fact]
    public void Load_resolves_the_reference_next_to_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("remittance.json", Remittance);
        var template = TemplateLoader.Load(path);
        Assert.Equal(Path.Combine(dir.Path, "remittance.png"), template.ReferencePath);
        Assert.Equal(path, template.SourcePath);
    }

    [Theory]
    [InlineData("\"key\": \"amount\", \"label\": \"송금금액\", \"kind\": \"amount\"", "\"key\": \"sender\", \"label\": \"송금금액\", \"kind\": \"amount\"", "more than once")]
    [InlineData("\"kind\": \"amount\"", "\"kind\": \"money\"", "unknown kind \"money\"")]
    [InlineData("[720, 1660, 1560, 190]", "[720, 3400, 1560, 190]", "outside the 2480x3508 page")]
    [InlineData("[720, 1660, 1560, 190]", "[720, 1660, 0, 190]", "positive width and height")]
    [InlineData("[720, 1660, 1560, 190]", "[720, 1660, 1560]", "four numbers")]
    [InlineData("\"id\": \"remittance\"", "\"id\": \"\"", "no \"id\"")]
    [InlineData("\"width\": 2480", "\"width\": 0", "page width")]
    [InlineData("\"reference\": \"remittance.png\"", "\"reference\": null", "reference")]
    [InlineData("{\"id\"", "[{\"id\"", "not valid JSON")]
    public void Invalid_templates_throw_with_reason_and_file_name(string from, string to, string problem)
    {
        string json = Remittance.Replace(from, to);
        Assert.NotEqual(Remittance, json);

        var e = Assert.Throws<PilgiException>(() => TemplateLoader.Parse(json, "templates/bad.json"));

        Assert.Equal(ReasonCodes.TemplateInvalid, e.Reason);
        Assert.Equal("templates/bad.json", e.Subject);
        Assert.Contains("templates/bad.json", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Template_without_fields_is_invalid()
    {
        const string json = """{"id": "x", "page": {"width": 10, "height": 10}, "reference": "x.png", "fields": []}""";
        var e = Assert.Throws<PilgiException>(() => TemplateLoader.Parse(json, "x.json"));
        Assert.Contains("no fields", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_as_invalid_template()
    {
        var e = Assert.Throws<PilgiException>(() => TemplateLoader.Load("/nonexistent/pilgi/t.json"));
        Assert.Equal(ReasonCodes.TemplateInvalid, e.Reason);
    }

    [Fact]
    public void Field_kind_names_are_snake_case()
    {
        Assert.Equal("amount_hangul", FieldKind.AmountHangul.ToJsonName());
        Assert.True(FieldKinds.TryParse("address", out var kind));
        Assert.Equal(FieldKind.Address, kind);
        Assert.False(FieldKinds.TryParse("Address", out _));
        Assert.Equal(10, FieldKinds.Names.Count);
    }
}
