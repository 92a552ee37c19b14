using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Pilgi.Functions.Hosting;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Functions.Tests.Hosting;

public class FunctionsTelemetryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    public void Without_an_entra_authentication_string_the_connection_string_alone_is_used(string? authentication)
    {
        Assert.Null(FunctionsTelemetry.CredentialFrom(authentication));
    }

    [Theory]
    [InlineData("ClientId=7f1b8a6e-0000-4000-8000-000000000001;Authorization=AAD")]
    [InlineData("Authorization=aad; ClientId=7f1b8a6e-0000-4000-8000-000000000001")]
    [InlineData("Authorization=AAD")]
    public void An_entra_authentication_string_sends_telemetry_with_the_managed_identity(string authentication)
    {
        Assert.IsType<ManagedIdentityCredential>(FunctionsTelemetry.CredentialFrom(authentication));
    }

    [Fact]
    public void The_worker_traces_the_pipeline()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var provider = new ServiceCollection().AddPilgiTelemetry(settings).BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        using var span = PipelineTelemetry.Source.StartActivity("probe");
        Assert.NotNull(span);
        Assert.True(span.Recorded);
    }
}
