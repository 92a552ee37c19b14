using System.Text.Json;
using System.Text.Json.Serialization;
using Pilgi.Core.Errors;
using Pilgi.Core.Fusion.Confidence;

namespace Pilgi.Inference.Models;

/// <summary>
/// What the C# side knows about a model: read from the JSON file beside the ONNX file, never from constants in code.
/// </summary>
public sealed record ModelDescriptor
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("input")] public required string Input { get; init; }
    [JsonPropertyName("output")] public required string Output { get; init; }
    [JsonPropertyName("height")] public int Height { get; init; }
    [JsonPropertyName("minWidth")] public int MinWidth { get; init; } = 8;
    [JsonPropertyName("maxWidth")] public int MaxWidth { get; init; } = 1024;
    [JsonPropertyName("widthMultiple")] public int WidthMultiple { get; init; } = 4;
    /// <summary>
    /// Lines are padded with paper to a multiple of this width, and only lines of the same padded width share a run:
    /// the recurrent layers read the padding too, so a line then reads the same whatever it is batched with (in this
    /// process or merged with other requests by the inference service). A multiple of <see cref="WidthMultiple"/>.
    /// </summary>
    [JsonPropertyName("batchWidthStep")] public int BatchWidthStep { get; init; } = 128;
    /// <summary>
    /// The filter a crop is shrunk to <see cref="Height"/> with (<c>"area"</c>, the default, or <c>"triangle"</c>):
    /// whichever the model reads best, as its training lines were made.
    /// </summary>
    [JsonPropertyName("scaling")] public Recognition.LineScaling Scaling { get; init; } = Recognition.LineScaling.Area;
    /// <summary>
    /// The grey level (0 black … 255 white) that ink lighter than it is darkened to before this model reads a crop
    /// (<see cref="Pilgi.Core.Raster.InkContrast.Darkened"/>), paper kept: within the ink the training lines were
    /// written in. Null: crops are read as they come. A specialist names its own (<see cref="SpecialistModel.InkLevel"/>).
    /// </summary>
    [JsonPropertyName("inkLevel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InkLevel { get; init; }
    [JsonPropertyName("blank")] public int Blank { get; init; }
    /// <summary>Class i (i != blank) decodes to Charset[i - 1] when blank is 0.</summary>
    [JsonPropertyName("charset")] public IReadOnlyList<string> Charset { get; init; } = [];

    /// <summary>
    /// Models of the same release that read some lines better than this one (a digit reader for digit fields): each
    /// takes the same input and gives the same output as this model, and reads a line whose alphabet holds only
    /// characters of its <see cref="SpecialistModel.Reads"/>. The release's id, calibration and charset are this one's.
    /// </summary>
    [JsonPropertyName("specialists")] public IReadOnlyList<SpecialistModel> Specialists { get; init; } = [];

    /// <summary>
    /// How this model's field confidences become probabilities of being right, and the review thresholds (fitted by
    /// <c>pilgi calibrate</c> for this version of the weights); null: not calibrated.
    /// </summary>
    [JsonPropertyName("calibration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConfidenceCalibration? Calibration { get; init; }

    /// <summary>
    /// How common each character is in the language: the frame probabilities of rare ones are lowered (and each frame
    /// normalised again) before any decoding (<see cref="CharacterPrior.ClassWeights"/>); null: they are read as they are.
    /// </summary>
    [JsonPropertyName("characterPrior")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CharacterPrior? CharacterPrior { get; init; }

    /// <summary>Why the descriptor's calibration was dropped on loading (null: it was not, or there was none).</summary>
    [JsonIgnore] public string? CalibrationProblem { get; init; }

    /// <summary>The ONNX file's full path, resolved beside the descriptor.</summary>
    [JsonIgnore] public string ModelPath { get; init; } = "";

    /// <summary>"name@version", as results report it.</summary>
    [JsonIgnore] public string Id => $"{Name}@{Version}";

    public static ModelDescriptor Load(string descriptorPath)
    {
        if (!System.IO.File.Exists(descriptorPath))
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Model descriptor not found: {descriptorPath}", descriptorPath);
        var d = Parse(descriptorPath)
            ?? throw new PilgiException(ReasonCodes.InferenceFailed, $"Model descriptor {descriptorPath} is empty.", descriptorPath);
        if (d.InkLevel is < 0 or > 254 || d.Specialists.Any(s => s.InkLevel is < 0 or > 254))
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Model descriptor {descriptorPath}: an inkLevel is not a grey level below paper white (0-254).", descriptorPath);
        d = CheckCalibration(d);
        var model = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(descriptorPath))!, d.File);
        if (!System.IO.File.Exists(model))
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Model file {model} named by {descriptorPath} does not exist.", model);
        var specialists = new List<SpecialistModel>(d.Specialists.Count);
        foreach (var s in d.Specialists)
        {
            if (string.IsNullOrEmpty(s.File) || string.IsNullOrEmpty(s.Reads))
                throw new PilgiException(ReasonCodes.InferenceFailed, $"Model descriptor {descriptorPath}: every specialist needs a file and the characters it reads.", descriptorPath);
            var path = Path.Combine(Path.GetDirectoryName(model)!, s.File);
            if (!System.IO.File.Exists(path))
                throw new PilgiException(ReasonCodes.InferenceFailed, $"Specialist model file {path} named by {descriptorPath} does not exist.", path);
            specialists.Add(s with { ModelPath = path });
        }
        var prior = d.CharacterPrior is { } p
            ? p.WithCountsFrom(Path.Combine(Path.GetDirectoryName(model)!, p.File))
            : null;
        return d with { ModelPath = model, Specialists = specialists, CharacterPrior = prior };
    }

    /// <summary>This release's specialist as a model of its own (same sizes and charset, its own file, filter and ink level).</summary>
    public ModelDescriptor AsModel(SpecialistModel specialist) =>
        this with { File = specialist.File, ModelPath = specialist.ModelPath, Specialists = [], Scaling = ScalingOf(specialist), InkLevel = specialist.InkLevel };

    /// <summary>
    /// The filter the lines of <paramref name="reader"/> are scaled with (0: the main model; k: <see cref="Specialists"/>[k − 1]),
    /// the same one <see cref="AsModel"/> gives that specialist.
    /// </summary>
    public Recognition.LineScaling ScalingFor(int reader) => SpecialistOf(reader) is { } specialist ? ScalingOf(specialist) : Scaling;

    /// <summary>
    /// The ink level (<see cref="InkLevel"/>) the lines of <paramref name="reader"/> are darkened to: each model's own,
    /// never another's (a specialist that names none reads its crops as they come).
    /// </summary>
    public int? InkLevelFor(int reader) => SpecialistOf(reader) is { } specialist ? specialist.InkLevel : InkLevel;

    /// <summary>The specialist that is <paramref name="reader"/> (0: the main model, none; k: <see cref="Specialists"/>[k − 1]).</summary>
    private SpecialistModel? SpecialistOf(int reader)
    {
        if (reader < 0 || reader > Specialists.Count)
            throw new ArgumentOutOfRangeException(nameof(reader), reader, $"This release has the main model and {Specialists.Count} specialists.");
        return reader == 0 ? null : Specialists[reader - 1];
    }

    /// <summary>A specialist's own filter where it names one, else the main model's.</summary>
    private Recognition.LineScaling ScalingOf(SpecialistModel specialist) => specialist.Scaling ?? Scaling;

    /// <summary>
    /// The calibration of the descriptor at <paramref name="descriptorPath"/> alone (null when it has none), for hosts
    /// that fuse what another process recognised and so need no ONNX file beside it.
    /// </summary>
    public static ConfidenceCalibration? LoadCalibration(string descriptorPath)
    {
        if (!System.IO.File.Exists(descriptorPath)) return null;
        return Parse(descriptorPath) is { } d ? CheckCalibration(d).Calibration : null;
    }

    private static ModelDescriptor? Parse(string descriptorPath)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelDescriptor>(System.IO.File.ReadAllText(descriptorPath));
        }
        catch (JsonException e)
        {
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Model descriptor {descriptorPath} is not valid JSON: {e.Message}", descriptorPath);
        }
    }

    /// <summary>
    /// A calibration fitted for other weights (or for other features than this build computes) says nothing about
    /// these: it is dropped, so confidences stay raw, and <see cref="CalibrationProblem"/> says why.
    /// </summary>
    private static ModelDescriptor CheckCalibration(ModelDescriptor d)
    {
        if (d.Calibration is not { } calibration) return d;
        string? problem = null;
        try
        {
            calibration.EnsureCompatible();
        }
        catch (InvalidOperationException e)
        {
            problem = e.Message;
        }
        if (problem is null && calibration.Model != d.Id)
            problem = $"the confidence calibration was fitted for {calibration.Model}, not {d.Id}: refit it (pilgi calibrate).";
        return problem is null ? d : d with { Calibration = null, CalibrationProblem = problem };
    }
}
