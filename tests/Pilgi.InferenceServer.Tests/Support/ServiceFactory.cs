using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Hosting;

namespace Pilgi.InferenceServer.Tests.Support;

/// <summary>
/// The service in memory (WebApplicationFactory): the committed model and the sample forms, settings as
/// <c>key=value</c>, and optionally an engine of the test's instead of the model.
/// </summary>
internal static class ServiceFactory
{
    public static WebApplicationFactory<Program> Create(ILineBatchEngine? engine = null, params string[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Pilgi:Pipeline:ModelsDirectory", RepoPaths.Models);
            b.UseSetting("Pilgi:Pipeline:TemplatesDirectory", RepoPaths.SampleTemplates);
            foreach (var s in settings)
            {
                int eq = s.IndexOf('=');
                b.UseSetting(s[..eq], s[(eq + 1)..]);
            }
            if (engine is not null) b.ConfigureTestServices(services => services.AddSingleton(new LoadedRecognizer(engine, RecognizerLoader.Cpu)));
        });

    /// <summary>The remote client on the factory's in-memory server, with quick retries.</summary>
    public static RemoteInferenceClient Client(WebApplicationFactory<Program> factory, int maxRetries = 4) =>
        new(factory.CreateClient(), new InferenceOptions
        {
            Mode = InferenceMode.Remote,
            Url = "http://localhost/",
            MaxRetries = maxRetries,
            RetryBaseDelaySeconds = 0.02,
            MaxRetryDelaySeconds = 0.2,
        });
}
