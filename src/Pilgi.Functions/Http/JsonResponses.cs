using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Http;

namespace Pilgi.Functions.Http;

/// <summary>JSON bodies of the HTTP functions: camelCase, nulls left out, the same whatever the worker's serializer is.</summary>
public static class JsonResponses
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<HttpResponseData> WriteAsync<T>(HttpRequestData request, HttpStatusCode status, T body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.WriteStringAsync(JsonSerializer.Serialize(body, Options), cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary><c>{"error": "…"}</c>.</summary>
    public static Task<HttpResponseData> ErrorAsync(HttpRequestData request, HttpStatusCode status, string error,
        CancellationToken cancellationToken = default) =>
        WriteAsync(request, status, new { error }, cancellationToken);
}
