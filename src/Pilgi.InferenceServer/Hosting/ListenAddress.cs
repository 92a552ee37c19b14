using Microsoft.AspNetCore.Hosting;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>Loopback unless the address is configured (a container sets ASPNETCORE_URLS=http://+:8080).</summary>
internal static class ListenAddress
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
