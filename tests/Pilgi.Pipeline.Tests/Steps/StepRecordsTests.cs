using System.Text.Json;
using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Tests.Steps;

public class StepRecordsTests
{
    [Fact]
    public void A_page_keeps_its_registration_exactly_through_json()
    {
        var transform = AffineTransform.Similarity(0.4213377, 0.0174532925 * 1.37, 13.0000001, -7.25).Then(AffineTransform.Translate(1e-9, 3));
        var registration = new Registration(transform, 0.8123456789, 71, 90, 0.4321);
        var page = PageRef.From(2, "scan-abc/page-002.png", 2480, 3508, registration);

        var back = JsonSerializer.Deserialize<PageRef>(JsonSerializer.Serialize(page))!;

        Assert.Equal(6, back.ReferenceToScan.Count);
        Assert.Equal(registration, back.ToRegistration());
        Assert.Equal(transform.Inverse(), back.ToRegistration().ScanToReference);
    }

    [Fact]
    public void Records_that_cross_activities_survive_json()
    {
        var job = ScanJob.FromPath("scans/remittance/a.jpg", "\"e\"");
        var region = new RegionRef(1, "sender", new BoxData(1.5, 2.25, 30.125, 40), new BoxData(3, 4, 5, 6.0000001), 120,
            new CropRef("w/page-001-crops.png", 10, 0, 31, 41), "rrn");
        var request = new FuseRequest(job, "remittance", [], [region], [new TextRead("김철수", 0.93)],
            new Dictionary<string, double> { ["decodeMs"] = 1.5 });

        var json = JsonSerializer.Serialize(request);
        var back = JsonSerializer.Deserialize<FuseRequest>(json)!;

        Assert.Equal(job, back.Job);
        Assert.Equal(region, back.Regions.Single());
        Assert.Equal(new TextRead("김철수", 0.93), back.Texts.Single());
        Assert.DoesNotContain("InstanceId", json); // computed job properties stay out of the history
    }

    [Fact]
    public void A_read_keeps_its_second_opinion_between_the_recognise_and_fuse_activities()
    {
        var read = new TextRecognition("010-1234-5678", 0.91, null, new SecondOpinion("010-1284-5678", 0.55, [new ReadCandidate("010-1284-5678", -0.4)]));

        var back = JsonSerializer.Deserialize<RecognizeResult>(JsonSerializer.Serialize(new RecognizeResult([TextRead.From(read)], 3.5)))!;

        Assert.Equal(read, back.Texts.Single().ToRecognition());
    }

    [Fact]
    public void Crops_carry_their_field_kind_and_the_recogniser_gets_the_kind_s_alphabet()
    {
        var crop = new CropRef("w/page-001-crops.png", 0, 0, 5, 5);

        var request = new RecognizeRequest([crop, crop, crop], ["name", null, "rrn"]);

        Assert.Equal([FieldAlphabets.For(FieldKind.Name), null, FieldAlphabets.For(FieldKind.Rrn)], request.Alphabets());
        Assert.True(JsonSerializer.Serialize(request).Length < 300, "the alphabets themselves crossed the activity boundary");
        Assert.Equal([null, null], new RecognizeRequest([crop, crop]).Alphabets());
        Assert.Throws<InvalidOperationException>(() => new RecognizeRequest([crop], ["no_such_kind"]).Alphabets());
    }
}
