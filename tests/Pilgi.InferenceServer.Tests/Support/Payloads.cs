using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pilgi.Core.Raster;
using Pilgi.Imaging;
using Pilgi.Inference.Remote;

namespace Pilgi.InferenceServer.Tests.Support;

internal static class Payloads
{
    /// <summary>A small grey crop as PNG.</summary>
    public static byte[] CropPng(int width = 60, int height = 20)
    {
        var pixels = Enumerable.Range(0, width * height).Select(i => (byte)(i % 7 == 0 ? 20 : 240)).ToArray();
        return ImageCodec.EncodePng(new GrayImage(width, height, pixels));
    }

    public static HttpContent Recognize(params byte[][] crops) =>
        Json(JsonSerializer.Serialize(new RecognizeCropsRequest(crops.Select(c => new CropToRead(c)).ToList()), InferenceJson.Default.RecognizeCropsRequest));

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static async Task<ProblemReply> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), InferenceJson.Default.ProblemReply)!;
    }
}
