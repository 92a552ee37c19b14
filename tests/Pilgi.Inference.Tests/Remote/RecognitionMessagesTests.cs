using System.Text.Json;
using Pilgi.Core.Fusion;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;

namespace Pilgi.Inference.Tests.Remote;

/// <summary>The recognise reply on the wire: the second opinion travels, and a reply without one still reads.</summary>
public class RecognitionMessagesTests
{
    [Fact]
    public void A_read_with_a_second_opinion_comes_back_as_it_was_sent()
    {
        var read = new TextRecognition("010-1234-5678", 0.93, [new ReadCandidate("010-1234-5678", -0.1)], new SecondOpinion("010-1284-5678", 0.61, [new ReadCandidate("010-1284-5678", -0.3)]));
        var reply = new RecognizeCropsResponse("rec@1", [LineRead.From(read), LineRead.From(new TextRecognition("김철수", 0.8))]);

        string json = JsonSerializer.Serialize(reply, InferenceJson.Default.RecognizeCropsResponse);
        var back = JsonSerializer.Deserialize(json, InferenceJson.Default.RecognizeCropsResponse)!;

        Assert.Contains("\"secondOpinion\":{\"text\":\"010-1284-5678\",\"confidence\":0.61,\"alternatives\":[{\"text\":\"010-1284-5678\",\"logProbability\":-0.3}]}", json);
        Assert.Equal(read, back.Results[0].ToRecognition());
        Assert.Null(back.Results[1].SecondOpinion);
    }

    [Fact]
    public void A_reply_from_a_service_that_predates_second_opinions_reads_without_one()
    {
        const string json = """{"model":"rec@1","results":[{"text":"12","confidence":0.5,"alternatives":null}]}""";

        var reply = JsonSerializer.Deserialize(json, InferenceJson.Default.RecognizeCropsResponse)!;

        Assert.Equal(new TextRecognition("12", 0.5), reply.Results[0].ToRecognition());
    }
}
