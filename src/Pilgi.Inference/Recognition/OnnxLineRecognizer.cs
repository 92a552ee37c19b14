using Microsoft.ML.OnnxRuntime;
using Pilgi.Core.Raster;
using Pilgi.Inference.Models;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// CTC line recogniser on ONNX Runtime. The session is created once and shared; crops are batched by similar
/// width so that padding stays small.
/// </summary>
public sealed class OnnxLineRecognizer : ILineRecognizer, IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelDescriptor _model;
    private readonly int _maxBatch;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Alphabet, int Classes), bool[]> _allowed = new();

    public OnnxLineRecognizer(ModelDescriptor model, OnnxSessionFactory sessions, int maxBatch = 32)
    {
        _model = model;
        _maxBatch = Math.Max(1, maxBatch);
        _session = sessions.Create(model);
    }

    public string ModelId => _model.Id;

    public ModelDescriptor Model => _model;

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default)
        => Task.FromResult(Recognize(crops, null, cancellationToken));

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default)
        => Task.FromResult(Recognize(crops, alphabets, cancellationToken));

    public IReadOnlyList<TextRecognition> Recognize(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?>? alphabets = null,
        CancellationToken cancellationToken = default)
    {
        if (alphabets is not null && alphabets.Count != crops.Count)
            throw new ArgumentException("One alphabet (or null) per crop is needed.", nameof(alphabets));
        var results = new TextRecognition[crops.Count];
        if (crops.Count == 0) return results;
        var widths = new int[crops.Count];
        for (int i = 0; i < crops.Count; i++)
            widths[i] = LineImageNormalizer.TargetWidth(crops[i], _model.Height, _model.MinWidth, _model.MaxWidth, _model.WidthMultiple);
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => widths[i]).ToArray();
        for (int start = 0; start < order.Length; start += _maxBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_maxBatch, order.Length - start)).ToArray();
            RunBatch(crops, alphabets, widths, batch, results);
        }
        return results;
    }

    private void RunBatch(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?>? alphabets, int[] widths, int[] batch, TextRecognition[] results)
    {
        int h = _model.Height;
        int w = batch.Max(i => widths[i]);
        var input = new float[batch.Length * h * w];
        Array.Fill(input, 1f);
        for (int k = 0; k < batch.Length; k++)
        {
            int i = batch[k];
            LineImageNormalizer.Write(crops[i], h, widths[i], input.AsSpan(k * h * w, h * w), w);
        }
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [batch.Length, 1, h, w]);
        // kept alive (and released) by this scope: InferenceSession.Run passes only its native handle, so a temporary
        // RunOptions could be finalized, freeing that handle, while the run is still using it
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_model.Input], [inputValue], [_model.Output]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape; // N x T x C
        int frames = (int)shape[1], classes = (int)shape[2];
        var probs = outputs[0].GetTensorDataAsSpan<float>();
        for (int k = 0; k < batch.Length; k++)
        {
            int i = batch[k];
            int usable = Math.Min(frames, widths[i] / _model.WidthMultiple);
            var alphabet = alphabets?[i];
            var allowed = alphabet is null ? null : _allowed.GetOrAdd((alphabet, classes),
                key => CtcDecoder.AllowedClasses(key.Alphabet, key.Classes, _model.Blank, _model.Charset));
            results[i] = CtcDecoder.Decode(probs.Slice(k * frames * classes, frames * classes), usable, classes, _model.Blank, _model.Charset, allowed);
        }
    }

    public void Dispose() => _session.Dispose();
}
