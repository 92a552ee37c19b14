using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// Logs into the test's output: Pilgi's entries from Information, everything else from Warning; errors also into
/// <paramref name="errors"/> when given (<c>[category] message</c>).
/// </summary>
internal static class TestLogging
{
    public static ILoggerFactory For(ITestOutputHelper output, ConcurrentQueue<string>? errors = null) => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(LogLevel.Warning);
        b.AddFilter("Pilgi", LogLevel.Information);
        b.AddFilter("DurableTask.AzureStorage", LogLevel.Error);
        b.AddFilter("DurableTask.Core", LogLevel.Error);
        b.AddProvider(new OutputProvider(output, errors));
    });

    private sealed class OutputProvider(ITestOutputHelper output, ConcurrentQueue<string>? errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName, errors);

        public void Dispose()
        {
        }
    }

    private sealed class OutputLogger(ITestOutputHelper output, string category, ConcurrentQueue<string>? errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) errors?.Enqueue($"[{category}] {formatter(state, exception)}");
            try
            {
                output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {logLevel} [{category}] {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
            catch (InvalidOperationException)
            {
                // the test is over; a background entry has nowhere to go
            }
        }
    }
}
