using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// An Azurite of a test's own (the one <c>tests/azurite.sh</c> installs under <c>tests/.tools/azurite</c>), on free
/// loopback ports with its own data folder, which the test can stop and start again on the same ports and folder:
/// an outage of the storage account, as a host sees it.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Account = "devstoreaccount1";
    private const int SigTerm = 15;

    private readonly int _blob, _queue, _table;
    private readonly string _location;
    private Process? _process;

    private AzuriteProcess()
    {
        var ports = FreePorts(3);
        (_blob, _queue, _table) = (ports[0], ports[1], ports[2]);
        _location = Directory.CreateTempSubdirectory("pilgi-azurite-own-").FullName;
    }

    public static string Binary => Path.Combine(RepoPaths.Root, "tests", ".tools", "azurite", "node_modules", ".bin", "azurite");

    public static bool Installed => File.Exists(Binary);

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_blob}/{Account};" +
        $"QueueEndpoint=http://127.0.0.1:{_queue}/{Account};TableEndpoint=http://127.0.0.1:{_table}/{Account};";

    public bool Running => _process is { HasExited: false };

    public static async Task<AzuriteProcess> StartNewAsync()
    {
        var azurite = new AzuriteProcess();
        try
        {
            await azurite.StartAsync();
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it (again) on its ports and folder; returns once all three services take connections.</summary>
    public async Task StartAsync()
    {
        if (Running) throw new InvalidOperationException("Azurite is running already.");
        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--loose", "--location", _location,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{_blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{_queue}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{_table}",
                 })
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"{Binary} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await ListeningAsync())
        {
            if (_process.HasExited) throw new InvalidOperationException($"Azurite exited ({_process.ExitCode}) while starting.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Azurite did not listen within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGTERM (Azurite saves its state and closes), then SIGKILL after a few seconds if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_location, recursive: true); }
        catch (IOException) { }
    }

    private async Task<bool> ListeningAsync()
    {
        foreach (var port in new[] { _blob, _queue, _table })
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Distinct free ports: all held open at once while they are picked.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>A fact that is skipped, saying why, when Azurite is not installed under <c>tests/.tools</c>.</summary>
public sealed class OwnAzuriteFactAttribute : FactAttribute
{
    public OwnAzuriteFactAttribute()
    {
        if (!AzuriteProcess.Installed) Skip = $"Needs Azurite installed at {AzuriteProcess.Binary} (bash tests/azurite.sh install).";
    }
}
