using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Logging;
using Pilgi.Pipeline.Tests.Support;

namespace Pilgi.Pipeline.Tests.Logging;

public sealed class PiiMaskingLoggerTests : IDisposable
{
    private const string Scan = "scans/remittance/홍길동_900101-1234567.jpg";
    private const string MaskedScan = "scans/remittance/홍길동_900101-1******.jpg";

    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _factory;
    private readonly ILogger _log;

    public PiiMaskingLoggerTests()
    {
        _factory = _logs.MaskedFactory();
        _log = _factory.CreateLogger("Pilgi.Test");
    }

    public void Dispose() => _factory.Dispose();

    private CapturedEntry Single() => Assert.Single(_logs.Entries);

    [Fact]
    public void The_message_and_each_structured_value_are_masked()
    {
        _log.LogWarning("{Scan}: phone {Phone}, account {Account}", Scan, "010-1234-5678", "110-123-456789");

        var entry = Single();
        Assert.Equal($"{MaskedScan}: phone 010-****-5678, account ***-***-**6789", entry.Message);
        Assert.Equal(MaskedScan, entry.Values.Single(v => v.Key == "Scan").Value);
        Assert.Equal("010-****-5678", entry.Values.Single(v => v.Key == "Phone").Value);
        Assert.Equal("{Scan}: phone {Phone}, account {Account}", entry.Values.Single(v => v.Key == "{OriginalFormat}").Value);
        Assert.Equal(entry.Message, entry.State!.ToString());
    }

    [Fact]
    public void A_number_written_into_the_template_itself_is_masked_too()
    {
        string rrn = "9001011234567";
        _log.LogInformation($"read {rrn}");

        var entry = Single();
        Assert.Equal("read 9001011******", entry.Message);
        Assert.DoesNotContain(rrn, entry.AllText);
    }

    [Fact]
    public void Values_that_are_not_strings_are_masked_by_their_text()
    {
        _log.LogInformation("{Number} {Names}", 9001011234567L, new[] { "a", "010-1234-5678" });

        var entry = Single();
        Assert.Equal("9001011****** a, 010-****-5678", entry.Message);
        Assert.Equal("9001011******", entry.Values.Single(v => v.Key == "Number").Value);
        Assert.Equal("a, 010-****-5678", entry.Values.Single(v => v.Key == "Names").Value);
    }

    [Fact]
    public void An_exception_and_its_inner_exceptions_are_masked_and_keep_their_type_name()
    {
        var inner = new IOException($"cannot read {Scan}");
        Exception thrown;
        try
        {
            throw new InvalidOperationException("account 110-123-456789 refused", inner);
        }
        catch (Exception e)
        {
            thrown = e;
        }
        _log.LogError(thrown, "step failed");

        var entry = Single();
        var masked = Assert.IsType<PiiMaskedException>(entry.Exception);
        Assert.Equal(typeof(InvalidOperationException), masked.OriginalType);
        Assert.Equal("account ***-***-**6789 refused", masked.Message);
        Assert.Contains(MaskedScan, masked.ToString());
        Assert.Contains("System.InvalidOperationException", masked.ToString());
        Assert.Contains(nameof(An_exception_and_its_inner_exceptions_are_masked_and_keep_their_type_name), masked.StackTrace);
        Assert.Null(masked.InnerException);
        Assert.DoesNotContain("456789", entry.AllText);
        Assert.DoesNotContain("1234567", entry.AllText);
    }

    [Fact]
    public void Scopes_are_masked()
    {
        using (_log.BeginScope("reading {Scan}", Scan))
        using (_log.BeginScope("call 010-1234-5678"))
            _log.LogInformation("done");

        var entry = Single();
        Assert.Contains($"reading {MaskedScan}", entry.Scopes);
        Assert.Contains($"Scan={MaskedScan}", entry.Scopes);
        Assert.Contains("call 010-****-5678", entry.Scopes);
        Assert.DoesNotContain("1234567", entry.AllText);
    }

    [Fact]
    public void An_entry_with_nothing_to_mask_passes_unchanged()
    {
        var error = new TimeoutException("no answer from 127.0.0.1:41234 after 2024-05-01T12:34:56.1234567Z");
        _log.LogWarning(error, "instance {InstanceId} waited {Ms} ms", "scan-0101234567890123456789abcdef0123", 1234567890);

        var entry = Single();
        Assert.Same(error, entry.Exception);
        Assert.IsNotType<MaskedLogState>(entry.State);
        Assert.Equal("instance scan-0101234567890123456789abcdef0123 waited 1234567890 ms", entry.Message);
    }

    [Fact]
    public void Levels_the_providers_leave_out_are_not_formatted_at_all()
    {
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(_logs).AddPiiMasking());
        bool formatted = false;
        factory.CreateLogger("x").Log(LogLevel.Information, default, Scan, null, (s, _) =>
        {
            formatted = true;
            return s;
        });

        Assert.False(formatted);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Providers_added_after_it_and_typed_loggers_from_the_container_are_masked()
    {
        var later = new CapturedLogs();
        var services = new ServiceCollection().AddLogging(b => b.AddPiiMasking().SetMinimumLevel(LogLevel.Trace).AddProvider(later));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<ILogger<PiiMaskingLoggerTests>>().LogInformation("{Scan}", Scan);

        Assert.IsType<PiiMaskingLoggerFactory>(provider.GetRequiredService<ILoggerFactory>());
        Assert.Equal(MaskedScan, Assert.Single(later.Entries).Message);
    }

    [Fact]
    public void Adding_it_twice_masks_once()
    {
        var later = new CapturedLogs();
        var services = new ServiceCollection().AddLogging(b => b.AddPiiMasking().AddPiiMasking().AddProvider(later));
        services.AddPiiMasking();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(ILoggerFactory));
        provider.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogWarning("{A}", "010-1234-5678 9001011234567");
        Assert.Equal("010-****-5678 9001011******", Assert.Single(later.Entries).Message);
    }

    [Fact]
    public void A_factory_registered_as_an_instance_is_wrapped_and_left_to_its_owner()
    {
        var owned = new CapturedLogs();
        using var inner = LoggerFactory.Create(b => b.AddProvider(owned));
        var services = new ServiceCollection().AddSingleton(inner).AddPiiMasking();
        using (var provider = services.BuildServiceProvider())
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogWarning("{A}", Scan);

        Assert.Equal(MaskedScan, Assert.Single(owned.Entries).Message);
        inner.CreateLogger("x").LogWarning("still open"); // not disposed with the container
        Assert.Equal(2, owned.Entries.Count);
    }
}
