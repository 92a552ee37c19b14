using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Pilgi.InferenceServer.Http;

/// <summary>Reads a JSON request body, never more than a limit of bytes: 415, 413 or 400 (as <see cref="ProblemException"/>) otherwise.</summary>
internal static class JsonBody
{
    private const int ChunkSize = 81_920;

    public static async Task<T> ReadAsync<T>(HttpRequest request, long maxBytes, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the request as application/json.");
        if (request.ContentLength > maxBytes) throw ProblemException.TooLarge(maxBytes);
        // Kestrel stops reading past the limit as well (its own 30 MB default would refuse a large page otherwise)
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;

        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes) throw ProblemException.TooLarge(maxBytes);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (body.Length == 0) throw ProblemException.BadRequest("The request body is empty.");
        try
        {
            return JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), type)
                ?? throw ProblemException.BadRequest("The request body is null.");
        }
        catch (JsonException e)
        {
            throw ProblemException.BadRequest($"The request body is not the JSON this call takes: {e.Message}");
        }
    }
}
