using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;

namespace Pilgi.Inference.Remote;

/// <summary>
/// Finds the handwriting through the inference service: sends the page (PNG, lossless), the form's id and the
/// registration; the service runs the same <see cref="TemplateSubtractionDetector"/> on its copy of the form (from the
/// same template source) and sends back the regions with their crops.
/// </summary>
public sealed class RemoteHandwritingDetector(RemoteInferenceClient client) : IHandwritingDetector
{
    private readonly RemoteInferenceClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<DetectedHandwriting> DetectAsync(GrayImage page, int pageNumber, FormReference form, Registration registration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(registration);
        var request = new DetectHandwritingRequest(form.Template.Id, pageNumber, ImageCodec.EncodePng(page), DetectionWire.ToData(registration));
        var response = await _client.DetectAsync(request, cancellationToken).ConfigureAwait(false);
        var regions = new List<HandwritingRegion>(response.Regions.Count);
        var crops = new List<GrayImage>(response.Regions.Count);
        foreach (var r in response.Regions)
        {
            regions.Add(new HandwritingRegion(DetectionWire.ToBox(r.ScanBox), DetectionWire.ToBox(r.TemplateBox), pageNumber, r.FieldKey, r.InkPixels));
            crops.Add(ImageCodec.LoadGray(r.Crop, $"crop of field '{r.FieldKey}' from the inference service"));
        }
        return new DetectedHandwriting(regions, crops);
    }
}
