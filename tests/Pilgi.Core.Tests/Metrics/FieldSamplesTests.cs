using Pilgi.Core.Geometry;
using Pilgi.Core.Labels;
using Pilgi.Core.Metrics;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Metrics;

public class FieldSamplesTests
{
    [Fact]
    public void Builds_references_in_reading_order_from_tagged_handwritten_labels()
    {
        var template = new FormTemplate
        {
            Id = "remittance", Title = "송금", PageWidth = 1000, PageHeight = 1000, Reference = "r.png", ReferencePath = "r.png",
            Fields =
            [
                new TemplateField("sender", "성명", FieldKind.Name, new Box(0, 0, 500, 100)),
                new TemplateField("bank", "은행", FieldKind.Bank, new Box(0, 200, 500, 100)),
                new TemplateField("memo", "메모", FieldKind.Text, new Box(0, 400, 500, 100)),
            ],
        };
        var labels = new LabelDocument("p1", 1000, 1000, "remittance",
        [
            new LabelBox(0, "길동", Quad.FromBox(new Box(60, 10, 40, 40)), true, "sender"),
            new LabelBox(1, "홍", Quad.FromBox(new Box(10, 10, 40, 40)), true, "sender"),
            new LabelBox(2, "성명", Quad.FromBox(new Box(0, 0, 10, 10)), false, "sender"),
            new LabelBox(3, "국민은행", Quad.FromBox(new Box(10, 210, 100, 40)), true, "bank"),
            new LabelBox(4, "???", Quad.FromBox(new Box(10, 610, 100, 40)), true, "not_in_template"),
        ]);
        var predicted = new Dictionary<string, FieldResult> { ["sender"] = new() { Value = "홍길동" } };

        var samples = FieldSamples.FromLabels(labels, template, predicted);

        Assert.Equal(2, samples.Count);
        Assert.Equal(new FieldSample("remittance", "sender", FieldKind.Name, "홍길동", "홍길동"), samples[0]);
        Assert.Equal(new FieldSample("remittance", "bank", FieldKind.Bank, "국민은행", null), samples[1]);

        var eval = new EvalAccumulator();
        eval.AddPage([new Box(10, 10, 90, 40)], labels, samples, 1);
        Assert.Equal(0.5, eval.Report().Fields.Exact);
    }
}
