using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Commands;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;

namespace Pilgi.Cli.Tests.Hosting;

public class ServeOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Binds_the_serve_section_with_defaults_for_the_rest()
    {
        var o = ServeOptions.From(Config(("Pilgi:Serve:StorageConnectionString", "UseDevelopmentStorage=true"),
            ("Pilgi:Serve:TaskHub", "local2"), ("Pilgi:Serve:PollSeconds", "0.5")));

        Assert.Equal("UseDevelopmentStorage=true", o.StorageConnectionString);
        Assert.Equal("local2", o.TaskHub);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.PollInterval);
        Assert.Equal(Environment.ProcessorCount + 1, o.MaxConcurrentActivities);
        Assert.Equal(TimeSpan.FromSeconds(30), o.DrainTimeout);
    }

    [Theory]
    [InlineData("Pilgi:Pipeline:StorageConnectionString")]
    [InlineData("AzureWebJobsStorage")]
    public void Storage_falls_back_to_the_pipeline_setting_then_the_functions_one(string key)
    {
        Assert.Equal("UseDevelopmentStorage=true", ServeOptions.From(Config((key, "UseDevelopmentStorage=true"))).StorageConnectionString);
    }

    [Theory]
    [InlineData("Pilgi:Serve:TaskHub", "no-dashes")]
    [InlineData("Pilgi:Serve:TaskHub", "9starts")]
    [InlineData("Pilgi:Serve:PollSeconds", "0")]
    [InlineData("Pilgi:Serve:PartitionCount", "17")]
    public void Refuses_settings_out_of_range(string key, string value)
    {
        Assert.Throws<ArgumentException>(() => ServeOptions.From(Config(("Pilgi:Serve:StorageConnectionString", "x"), (key, value))));
    }

    [Fact]
    public void Needs_a_storage_account()
    {
        var e = Assert.Throws<ArgumentException>(() => ServeOptions.From(Config()));
        Assert.Contains("--storage", e.Message);
    }

    [Fact]
    public void Command_line_switches_win_over_the_environment()
    {
        Environment.SetEnvironmentVariable("Pilgi__Serve__TaskHub", "fromenv");
        Environment.SetEnvironmentVariable("Pilgi__Serve__MaxConcurrentActivities", "3");
        try
        {
            var args = new ArgumentList(["--storage", "UseDevelopmentStorage=true", "--task-hub", "fromargs", "--poll-seconds", "2.5"],
                new HashSet<string>());
            var o = ServeOptions.From(ServeCommand.Configuration(args));

            Assert.Equal("fromargs", o.TaskHub);
            Assert.Equal(2.5, o.PollSeconds);
            Assert.Equal(3, o.MaxConcurrentActivities);
            Assert.Equal("UseDevelopmentStorage=true", o.StorageConnectionString);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Pilgi__Serve__TaskHub", null);
            Environment.SetEnvironmentVariable("Pilgi__Serve__MaxConcurrentActivities", null);
        }
    }

    [Fact]
    public void A_poll_interval_that_is_not_a_number_is_a_usage_error()
    {
        var args = new ArgumentList(["--poll-seconds", "soon"], new HashSet<string>());
        Assert.Throws<UsageException>(() => ServeCommand.Configuration(args));
    }

    [Fact]
    public void A_scan_end_is_one_line_with_name_template_pages_fields_seconds_and_outcome()
    {
        var ok = new ScanEnded("remittance/2026/001.jpg", "remittance", "scan-1", "succeeded", 1, 12, 9, 2, 4.26, "results/remittance/2026/001.json", null, null);
        var bad = new ScanEnded("remittance/x.jpg", "remittance", "scan-2", "failed", 0, null, null, null, 0.5, "failed/remittance/x.json", "image_corrupt", "bad");

        Assert.Equal("remittance/2026/001.jpg  template=remittance  pages=1  fields=12 (9 read, 2 to review)  4.3 s  succeeded", ok.ToString());
        Assert.Equal("remittance/x.jpg  template=remittance  pages=0  fields=-  0.5 s  failed: image_corrupt (failed/remittance/x.json)", bad.ToString());
    }
}
