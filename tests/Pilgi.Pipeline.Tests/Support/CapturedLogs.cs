using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Logging;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>One entry as a provider received it.</summary>
internal sealed record CapturedEntry(string Category, LogLevel Level, string Message, object? State,
    IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception, IReadOnlyList<string> Scopes)
{
    /// <summary>Everything of the entry a sink could write: message, structured values, exception text, scopes.</summary>
    public string AllText => string.Join("\n", new[] { Message }
        .Concat(Values.Select(v => $"{v.Key}={v.Value}"))
        .Concat(Exception is null ? [] : [Exception.ToString(), Exception.Message, Exception.StackTrace ?? ""])
        .Concat(Scopes));
}

/// <summary>A provider that records every entry of every category and level, with the scopes it was logged in.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedEntry> Entries => _entries.ToArray();

    public string AllText => string.Join("\n", Entries.Select(e => $"[{e.Category}] {e.AllText}"));

    /// <summary>A factory logging everything here through the masking every host puts in front of its logging.</summary>
    public ILoggerFactory MaskedFactory() => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(LogLevel.Trace);
        b.AddProvider(this);
        b.AddPiiMasking();
    });

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> values) list.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }, scopes);
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new CapturedEntry(category, logLevel, formatter(state, exception), state, values.ToList(), exception, scopes));
        }
    }
}
