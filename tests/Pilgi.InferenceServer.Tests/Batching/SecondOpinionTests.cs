using Pilgi.Core.Raster;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Tests.Support;
using Pilgi.TestSupport;

namespace Pilgi.InferenceServer.Tests.Batching;

/// <summary>
/// The committed release through the service: every crop comes back with a second reading (its reader's other look: the
/// digit reader's for a crop it reads, the main network's for any other), the same as in process, requests merged or not.
/// </summary>
public class SecondOpinionTests
{
    private const string Digits = "0123456789-";

    [Fact]
    public async Task The_service_returns_every_crop_s_second_reading_as_in_process()
    {
        await using var factory = ServiceFactory.Create();
        using var client = ServiceFactory.Client(factory);
        using var onnx = new OnnxLineRecognizer(ModelDescriptor.Load(Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json")), new OnnxSessionFactory());
        var remote = new RemoteLineRecognizer(client);
        var crops = new[] { Bars(3), Bars(5), Bars(4) };
        var alphabets = new string?[] { Digits, null, Digits };

        var local = onnx.Recognize(crops, alphabets);
        var served = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => remote.RecognizeAsync(crops, alphabets)));

        Assert.All(local, r => Assert.NotNull(r.SecondOpinion));
        Assert.All(served, s => Assert.Equal(local, s));
    }

    /// <summary>Dark strokes on paper, <paramref name="n"/> of them: something for the networks to read, the same each time.</summary>
    private static GrayImage Bars(int n)
    {
        var crop = new GrayImage(30 * n + 20, 40);
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < crop.Width; x++) crop[x, y] = (byte)(y is > 8 and < 32 && x > 10 && x % 30 < 5 ? 20 : 245);
        return crop;
    }
}
