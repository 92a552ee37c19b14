using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Hosting;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Cli.Tests.Hosting;

public class ServeTelemetryTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Nothing_is_exported_unless_asked()
    {
        Assert.Equal(TelemetryOptions.None, ServeTelemetry.From(Config()).Exporter);
        Assert.Null(ServeTelemetry.Start(Config()));
    }

    [Theory]
    [InlineData("console", TelemetryOptions.Console)]
    [InlineData(" OTLP ", TelemetryOptions.Otlp)]
    public void The_exporter_is_read_from_the_telemetry_section(string value, string expected)
    {
        Assert.Equal(expected, ServeTelemetry.From(Config(("Pilgi:Telemetry:Exporter", value))).Exporter);
    }

    [Fact]
    public void An_unknown_exporter_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => ServeTelemetry.From(Config(("Pilgi:Telemetry:Exporter", "zipkin"))));
        Assert.Contains("Pilgi:Telemetry:Exporter", e.Message);
    }

    [Fact]
    public void An_exporter_listens_to_the_pipeline_until_disposed()
    {
        // console: the span is printed into the test's output when the providers are disposed
        using (ServeTelemetry.Start(Config(("Pilgi:Telemetry:Exporter", "console"))))
        {
            using var span = PipelineTelemetry.Source.StartActivity("probe");
            Assert.NotNull(span);
            Assert.True(span.Recorded);
        }
    }
}
