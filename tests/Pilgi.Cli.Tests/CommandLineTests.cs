using Pilgi.Cli.Tests.Support;

namespace Pilgi.Cli.Tests;

/// <summary>
/// The command line as a new user meets it: help per command, usage errors in one line and a hint, exit codes
/// (<see cref="CommandLine"/>). Nothing here reads a scan: each asserts that the command stopped before its work.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pilgi-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<string> CommandNames() => new(CommandLine.Commands.Select(c => c.Name));

    [Fact]
    public async Task Bare_pilgi_prints_the_usage_on_stderr_and_exits_64_without_processing_anything()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(64, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("usage: pilgi <command> [options]", run.Error);
        foreach (var command in CommandLine.Commands) Assert.Contains($"\n  {command.Name} ", run.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Global_help_lists_the_commands_and_the_exit_codes_on_stdout(string flag)
    {
        var run = await CliRun.RunAsync(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        foreach (var command in CommandLine.Commands) Assert.Contains($"\n  {command.Name} ", run.Out);
        foreach (var code in new[] { "0", "1", "2", "64", "75" }) Assert.Matches($@"\n  {code} +\S", run.Out);
        // one line per command, not every command's whole usage
        Assert.DoesNotContain("--drain-seconds", run.Out);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Each_command_prints_its_own_help_for_help_h_and_help_command(string name)
    {
        var own = CommandLine.Commands.Single(c => c.Name == name);
        foreach (var args in new[] { new[] { name, "--help" }, [name, "-h"], ["help", name] })
        {
            var run = await CliRun.RunAsync(args);

            Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
            Assert.Equal(own.Help() + "\n", run.Out.ReplaceLineEndings("\n"));
            Assert.StartsWith($"pilgi {name} — ", run.Out);
            Assert.Contains($"usage: pilgi {name} ", run.Out);
            Assert.Contains("exit codes:\n  0 ", run.Out.ReplaceLineEndings("\n"));
            foreach (var other in CommandLine.Commands.Where(c => c.Name != name))
                Assert.DoesNotContain($"usage: pilgi {other.Name} ", run.Out);
        }
    }

    [Fact]
    public async Task Help_anywhere_among_the_arguments_wins_before_the_command_runs()
    {
        string outDir = Path.Combine(_dir.FullName, "out");

        var process = await CliRun.RunAsync("process", "--out", outDir, "-h");
        var bench = await CliRun.RunAsync("bench", "--repeat", "3", "--help");
        var badValue = await CliRun.RunAsync("bench", "--limit", "zero", "--help");

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("pilgi process — ", process.Out);
        Assert.False(Directory.Exists(outDir), "process -h read the samples into --out");
        Assert.Equal(0, bench.ExitCode);
        Assert.StartsWith("pilgi bench — ", bench.Out);
        Assert.DoesNotContain("pages/s ", bench.Out.Split("exit codes:")[1]);
        Assert.Equal(0, badValue.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "process", "--bogus" }, "pilgi process: Unknown option --bogus.")]
    [InlineData(new[] { "process", "--bogus", "scans/" }, "pilgi process: Unknown option --bogus.")]
    [InlineData(new[] { "process", "-x" }, "pilgi process: Unknown option -x.")]
    [InlineData(new[] { "process", "--out" }, "pilgi process: --out needs a value.")]
    [InlineData(new[] { "serve", "--storage" }, "pilgi serve: --storage needs a value.")]
    [InlineData(new[] { "serve", "--storage", "UseDevelopmentStorage=true", "extra" }, "pilgi serve: Unexpected argument 'extra'; serve takes options only (pilgi serve --storage <connection string>).")]
    [InlineData(new[] { "eval", "mydata" }, "pilgi eval: Unexpected argument 'mydata'; the folder goes after --data (forms) or --lines (line crops).")]
    [InlineData(new[] { "bench", "--limit", "0" }, "pilgi bench: --limit must be a positive whole number, not '0'.")]
    [InlineData(new[] { "upload" }, "pilgi upload: --storage <connection string> is needed (\"UseDevelopmentStorage=true\" is Azurite).")]
    [InlineData(new[] { "results", "frob" }, "pilgi results: 'frob' is not a subcommand: list, status <scan> or get <scan>.")]
    [InlineData(new[] { "results", "status" }, "pilgi results: results status needs the scan's name in 'scans' (e.g. remittance/001.jpg).")]
    [InlineData(new[] { "results", "--storage", "nonsense" }, "pilgi results: --storage is not a storage connection string: Settings must be of the form \"name=value\".")]
    public async Task A_usage_error_is_one_line_and_a_hint_on_stderr_with_exit_64(string[] args, string line)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"{line}\nTry 'pilgi {args[0]} --help'.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("proces", "pilgi: 'proces' is not a command; did you mean 'process'?")]
    [InlineData("resluts", "pilgi: 'resluts' is not a command; did you mean 'results'?")]
    [InlineData("frobnicate", "pilgi: 'frobnicate' is not a command.")]
    [InlineData("--verbose", "pilgi: --verbose: a command comes first (pilgi <command> [options]).")]
    public async Task An_unknown_command_is_one_line_with_the_nearest_command_and_the_global_hint(string word, string line)
    {
        var run = await CliRun.RunAsync(word, "x");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"{line}\nTry 'pilgi --help'.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Help_for_a_command_that_does_not_exist_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("help", "nope");

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("pilgi: 'nope' is not a command.", run.Error);
    }

    [Fact]
    public async Task Bench_reads_the_folder_given_as_its_argument_and_refuses_one_it_cannot_measure()
    {
        string empty = Path.Combine(_dir.FullName, "mydata");
        Directory.CreateDirectory(Path.Combine(empty, "scans"));
        Directory.CreateDirectory(Path.Combine(empty, "templates"));
        string missing = Path.Combine(_dir.FullName, "nowhere");

        var noScans = await CliRun.RunAsync("bench", empty, "--no-tesseract");
        var notThere = await CliRun.RunAsync("bench", missing);
        var twice = await CliRun.RunAsync("bench", empty, "--data", empty);

        // the folder was the one given, not the bundled samples (which hold scans)
        Assert.Equal(64, noScans.ExitCode);
        Assert.Contains($"{Path.Combine(empty, "scans")} holds no scans", noScans.Error);
        Assert.Equal(64, notThere.ExitCode);
        Assert.Contains($"{missing} has no scans/ folder", notThere.Error);
        Assert.Equal(64, twice.ExitCode);
        Assert.Contains("name it once", twice.Error);
    }

    [Fact]
    public async Task Results_without_storage_says_how_to_give_it()
    {
        foreach (var variable in new[] { "Pilgi__Serve__StorageConnectionString", "Pilgi__Pipeline__StorageConnectionString", "AzureWebJobsStorage" })
            Assert.True(Environment.GetEnvironmentVariable(variable) is null, $"{variable} is set in the test's environment");

        var run = await CliRun.RunAsync("results");

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("pilgi results: No storage: pass --storage <connection string>", run.Error);
    }

    [Fact]
    public async Task Storage_that_cannot_be_reached_is_a_one_line_refusal_with_exit_1()
    {
        // a port nothing listens on: the client's retries end in connection refused
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var run = await CliRun.RunAsync("results", "--storage", storage);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("pilgi: storage_unavailable: The storage account cannot be reached: ", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }
}
