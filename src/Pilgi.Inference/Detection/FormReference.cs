using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;

namespace Pilgi.Inference.Detection;

/// <summary>
/// A registered form made ready once: its template, the reference prepared for registration, and the printed
/// form's ink at the detector's working scale (what subtraction removes).
/// </summary>
public sealed class FormReference
{
    public FormReference(FormTemplate template, GrayImage reference, PageRegistrar registrar, DetectionOptions options)
    {
        if (reference.Width != template.PageWidth || reference.Height != template.PageHeight)
            throw new ArgumentException(
                $"Reference image of template '{template.Id}' is {reference.Width}x{reference.Height} but the template says {template.PageWidth}x{template.PageHeight}.");
        Template = template;
        Reference = registrar.Prepare(reference);
        var working = Resampling.Downsample(reference, options.Factor);
        PrintInk = Thresholding.Threshold(working, PrintThreshold);
        PrintInkGrown = Morphology.Dilate(PrintInk, options.PrintMaskRadius);
    }

    /// <summary>Reference pixels darker than this are printed ink; light shading of cells is not.</summary>
    public const byte PrintThreshold = 200;

    public FormTemplate Template { get; }
    public ReferencePage Reference { get; }
    public BinaryMask PrintInk { get; }
    public BinaryMask PrintInkGrown { get; }
}
