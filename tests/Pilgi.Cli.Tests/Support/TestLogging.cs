using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Logging;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// Logs into the test's output (and <c>also</c>, when given): Pilgi's entries from Information, everything else
/// from Warning; personal numbers masked, as <c>serve</c> logs; errors also into <paramref name="errors"/> when given
/// (<c>[category] message</c>).
/// </summary>
internal static class TestLogging
{
    public static ILoggerFactory For(ITestOutputHelper output, ILoggerProvider? also = null, ConcurrentQueue<string>? errors = null) => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(LogLevel.Warning);
        b.AddFilter("Pilgi", LogLevel.Information);
        b.AddFilter("DurableTask.AzureStorage", LogLevel.Error);
        b.AddFilter("DurableTask.Core", LogLevel.Error);
        b.AddProvider(new OutputProvider(output, errors));
        if (also is not null) b.AddProvider(also);
        b.AddPiiMasking();
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

/// <summary>Every line a provider receives: the formatted message and the exception's text.</summary>
internal sealed class CapturedLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(_lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"[{category}] {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
