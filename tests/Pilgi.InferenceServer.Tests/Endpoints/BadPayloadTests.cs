using System.Net;
using System.Text.Json;
using Pilgi.Core.Errors;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Tests.Support;

namespace Pilgi.InferenceServer.Tests.Endpoints;

/// <summary>Whatever a client sends, the service answers with a 4xx problem (and a reason code where the pipeline has one) and goes on.</summary>
public class BadPayloadTests
{
    private static readonly string[] SmallLimits =
    [
        "Pilgi:InferenceServer:MaxRecognizeRequestBytes=20000",
        "Pilgi:InferenceServer:MaxDetectRequestBytes=20000",
        "Pilgi:InferenceServer:MaxCropsPerRequest=3",
        "Pilgi:InferenceServer:CropLimits:MaxWidth=100",
    ];

    [Fact]
    public async Task Bad_recognise_requests_get_4xx_problems_and_the_service_still_reads_after_them()
    {
        await using var factory = ServiceFactory.Create(null, SmallLimits);
        var http = factory.CreateClient();
        var png = Payloads.CropPng();

        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Json("{\"crops\": [")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Json("{\"crops\": [{\"image\": \"not base64!\"}]}")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Json("{}")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Json("")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, new StringContent("crops=1")), HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png, png, png, png)), HttpStatusCode.BadRequest);
        // a body over the limit: refused before it is parsed
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(new byte[30_000])), HttpStatusCode.RequestEntityTooLarge);
        // images that are not images, cut off, or too large once decoded: the guarded decoder's reasons
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])),
            HttpStatusCode.BadRequest, ReasonCodes.ImageUnsupportedFormat);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png[..(png.Length / 2)])),
            HttpStatusCode.BadRequest, ReasonCodes.ImageCorrupt);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(Payloads.CropPng(width: 400))),
            HttpStatusCode.RequestEntityTooLarge, ReasonCodes.ImageTooManyPixels);

        var ok = await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png, png));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var read = JsonSerializer.Deserialize(await ok.Content.ReadAsStringAsync(), InferenceJson.Default.RecognizeCropsResponse)!;
        Assert.Equal(2, read.Results.Count);
        Assert.StartsWith("pilgi-rec@", read.Model);
    }

    [Fact]
    public async Task Bad_detect_requests_get_4xx_problems()
    {
        await using var factory = ServiceFactory.Create(null, SmallLimits);
        var http = factory.CreateClient();
        string Detect(string templateId, string image, string transform) =>
            $"{{\"templateId\": \"{templateId}\", \"page\": 1, \"image\": \"{image}\", " +
            $"\"registration\": {{\"referenceToScan\": {transform}, \"score\": 0.9, \"inliers\": 10, \"patches\": 12, \"rmsPixels\": 1}}}}";
        string png = Convert.ToBase64String(Payloads.CropPng(200, 200));

        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Detect, Payloads.Json(Detect("nope", png, "[1,0,0,0,1,0]"))),
            HttpStatusCode.NotFound, ReasonCodes.TemplateUnknown);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Detect, Payloads.Json(Detect("remittance", png, "[1,0,0]"))), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Detect, Payloads.Json(Detect("remittance", "AAAAAAAAAAAAAAAA", "[1,0,0,0,1,0]"))),
            HttpStatusCode.BadRequest, ReasonCodes.ImageUnsupportedFormat);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Detect, Payloads.Json(Detect("", png, "[1,0,0,0,1,0]"))), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync(InferenceRoutes.Detect,
            Payloads.Json(Detect("remittance", Convert.ToBase64String(new byte[30_000]), "[1,0,0,0,1,0]"))), HttpStatusCode.RequestEntityTooLarge);
        await AssertProblemAsync(await http.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? reason = null)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await Payloads.ProblemAsync(response);
        Assert.Equal((int)status, problem.Status);
        if (reason is not null) Assert.Equal(reason, problem.Reason);
    }
}
