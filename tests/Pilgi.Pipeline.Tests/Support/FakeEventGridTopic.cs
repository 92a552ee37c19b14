using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>
/// An Event Grid custom topic with the CloudEvents 1.0 input schema, as its publish contract is documented (there is
/// no emulator): HTTPS <c>POST /api/events?api-version=…</c>, <c>Content-Type: application/cloudevents-batch+json;
/// charset=utf-8</c>, an Entra ID token (<c>Authorization: Bearer</c>) or the topic key (<c>aeg-sas-key</c>), a JSON
/// array of CloudEvents (<c>specversion</c> 1.0, <c>id</c>, <c>source</c>, <c>type</c>), at most 1 MB a request.
/// Answers 200 (empty body) or 400, 401, 403, 413 with an error body; <see cref="Answer"/> scripts answers (429, 503,
/// …) for the next requests first.
/// </summary>
internal sealed class FakeEventGridTopic : IAsyncDisposable
{
    public const string Token = "token-of-the-functions-identity";
    public const string Key = "topic-access-key";
    public const int MaxRequestBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _scripted = new();

    private FakeEventGridTopic(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary><c>https://127.0.0.1:&lt;port&gt;/api/events</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request, as it came.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The events of the requests answered 200.</summary>
    public ConcurrentQueue<JsonElement> Accepted { get; } = new();

    /// <summary>When true, a valid token is not allowed to send (the identity lacks the data-sender role): 403.</summary>
    public bool Forbidden { get; set; }

    /// <summary>The next requests are answered with these codes, in order, before the contract is checked.</summary>
    public void Answer(params int[] statusCodes)
    {
        foreach (var code in statusCodes) _scripted.Enqueue(code);
    }

    public static async Task<FakeEventGridTopic> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 4 * MaxRequestBytes;
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var topic = new FakeEventGridTopic(app, certificate);
        app.MapPost("/api/events", (Delegate)topic.PublishAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        topic.Endpoint = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/api/events");
        return topic;
    }

    private async Task<IResult> PublishAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var request = new RecordedRequest(http.Request.Query["api-version"].ToString(), http.Request.ContentType ?? "",
            http.Request.Headers.Authorization.ToString(), http.Request.Headers["aeg-sas-key"].ToString(), body.ToArray());
        Requests.Enqueue(request);

        if (_scripted.TryDequeue(out int scripted))
        {
            if (scripted == 429) http.Response.Headers.RetryAfter = "0";
            return Error(scripted, "Scripted", $"scripted answer {scripted}");
        }
        if (request.Authorization != "Bearer " + Token && request.SasKey != Key)
            return Error(401, "Unauthorized", "The request authorization is missing or invalid.");
        if (Forbidden) return Error(403, "Forbidden", "The principal does not have the EventGrid Data Sender role.");
        if (request.ApiVersion.Length == 0) return Error(400, "BadRequest", "The api-version query parameter is missing.");
        if (!string.Equals(request.ContentType.Replace(" ", ""), "application/cloudevents-batch+json;charset=utf-8", StringComparison.OrdinalIgnoreCase))
            return Error(400, "BadRequest", $"Content-Type '{request.ContentType}' is not application/cloudevents-batch+json; charset=utf-8.");
        if (request.Body.Length > MaxRequestBytes) return Error(413, "PayloadTooLarge", "The request exceeds 1 MB.");
        List<JsonElement> events;
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return Error(400, "BadRequest", "A batch is a JSON array.");
            events = doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        catch (JsonException e)
        {
            return Error(400, "BadRequest", e.Message);
        }
        foreach (var e in events)
            foreach (var attribute in new[] { "id", "source", "type", "specversion" })
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(attribute, out var v) || v.ValueKind != JsonValueKind.String
                    || v.GetString()!.Length == 0)
                    return Error(400, "BadRequest", $"An event has no '{attribute}'.");
        if (events.Any(e => e.GetProperty("specversion").GetString() != "1.0")) return Error(400, "BadRequest", "specversion must be 1.0.");
        foreach (var e in events) Accepted.Enqueue(e);
        return Results.Ok();
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    public sealed record RecordedRequest(string ApiVersion, string ContentType, string Authorization, string SasKey, byte[] Body);
}
