using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pilgi.Inference.Remote;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// The inference service as its own process (the build's <c>Pilgi.InferenceServer.dll</c>, the configuration these tests
/// were built in) on a free loopback port, with the given settings; stopped on dispose.
/// </summary>
internal sealed class InferenceServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private InferenceServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static Task<InferenceServerProcess> StartAsync(ITestOutputHelper output, params string[] settings) =>
        StartAsync(output, FreePort(), settings);

    /// <summary>On <paramref name="port"/> (a service started again where the pipeline expects it).</summary>
    public static async Task<InferenceServerProcess> StartAsync(ITestOutputHelper output, int port, params string[] settings)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        var dll = Path.Combine(RepoPaths.Root, "src", "Pilgi.InferenceServer", "bin", configuration, "net10.0", "Pilgi.InferenceServer.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built (dotnet build Pipeline.sln -c {configuration})");
        string url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        foreach (var s in settings) start.ArgumentList.Add("--" + s);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(output, e.Data);
        process.ErrorDataReceived += (_, e) => Write(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new InferenceServerProcess(process, url);

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(process.HasExited, $"the inference service exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync(url + InferenceRoutes.Ready)).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                Assert.Fail("the inference service was not ready within 90 s");
            }
            await Task.Delay(200);
        }
    }

    public int Port => new Uri(Url).Port;

    /// <summary>Kills the service as a crash would (no drain, requests in flight are cut off).</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public RemoteInferenceClient Client() =>
        new(RemoteInferenceClient.CreateHttpClient(), new InferenceOptions { Mode = InferenceMode.Remote, Url = Url }, ownsHttp: true);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(ITestOutputHelper output, string? line)
    {
        if (line is null) return;
        try
        {
            output.WriteLine("[inference] " + line);
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }
}
