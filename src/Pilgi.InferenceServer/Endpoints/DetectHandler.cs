using Microsoft.Extensions.Options;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Detection;
using Pilgi.InferenceServer.Hosting;
using Pilgi.InferenceServer.Http;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.InferenceServer.Endpoints;

/// <summary>
/// <c>POST /v1/detect</c>: a page registered to a form → the handwriting on it, with the crops to read. The form comes from
/// the service's own template source (the pipeline's: a folder or the templates container); the page is decoded under the
/// pipeline's page limits; at most <see cref="InferenceServerOptions.MaxConcurrentDetections"/> pages at once.
/// </summary>
internal sealed class DetectHandler(ITemplateProvider templates, TemplateSubtractionDetector detector, ServerDecoders decoders,
    DetectionGate gate, IOptions<InferenceServerOptions> options)
{
    private readonly InferenceServerOptions _o = options.Value;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var request = await JsonBody.ReadAsync(http.Request, _o.MaxDetectRequestBytes, InferenceJson.Default.DetectHandwritingRequest, ct);
        if (string.IsNullOrWhiteSpace(request.TemplateId)) throw ProblemException.BadRequest("'templateId' is missing.");
        if (request.Page < 1) throw ProblemException.BadRequest("'page' is a page number from 1.");
        if (request.Image is not { Length: > 0 }) throw ProblemException.BadRequest("'image' (the page) is missing.");
        if (request.Registration is null) throw ProblemException.BadRequest("'registration' is missing.");
        var registration = DetectionWire.FromData(request.Registration);

        using var turn = await gate.EnterAsync(ct);
        var form = (await templates.GetAsync(request.TemplateId, ct)).Get(request.TemplateId);
        var page = (await decoders.Pages.DecodeAsync(request.Image, $"page {request.Page}", ct)).Pages[0];
        var found = detector.DetectHandwriting(page, request.Page, form, registration);
        var regions = found.Regions.Select((r, i) => new DetectedRegion(r.FieldKey, DetectionWire.FromBox(r.ScanBox),
            DetectionWire.FromBox(r.TemplateBox), r.InkPixels, ImageCodec.EncodePng(found.Crops[i]))).ToList();
        return Results.Json(new DetectHandwritingResponse(ReadingSteps.DetectorId, form.Template.Id, request.Page, regions),
            InferenceJson.Default.DetectHandwritingResponse);
    }
}
