using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Pilgi.Pipeline.Logging;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// Console logging of <c>serve</c> and <c>bench --storage</c>: one line per entry (<c>12:04:31 message</c>, the level
/// shown when it is a warning or worse); Pilgi's own entries from <c>Information</c>, the frameworks' (Durable Task,
/// gRPC, ASP.NET Core, Azure) from <c>Warning</c>. <c>Logging:LogLevel:…</c> settings override these. Personal
/// numbers are masked in every entry (<see cref="PiiMaskingLoggingExtensions.AddPiiMasking(ILoggingBuilder)"/>).
/// </summary>
internal static class ServeLogging
{
    public static ILoggerFactory Create(Microsoft.Extensions.Configuration.IConfiguration configuration, LogLevel pilgi = LogLevel.Information) =>
        LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            b.AddFilter("Pilgi", pilgi);
            // the Azure Storage backend reports routine partition and queue events as warnings, and every retry while
            // the storage is away as an error with its stack trace (the watcher says so once a poll already)
            b.AddFilter("DurableTask.AzureStorage", LogLevel.Critical);
            b.AddFilter("DurableTask.Core", LogLevel.Error);
            b.AddConfiguration(configuration.GetSection("Logging"));
            b.AddConsole(o => o.FormatterName = LineFormatter.Name);
            b.AddConsoleFormatter<LineFormatter, ConsoleFormatterOptions>();
            b.AddPiiMasking();
        });

    private sealed class LineFormatter() : ConsoleFormatter(Name)
    {
        public new const string Name = "pilgi-line";

        public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter writer)
        {
            string message = entry.Formatter(entry.State, entry.Exception);
            if (string.IsNullOrEmpty(message) && entry.Exception is null) return;
            string level = entry.LogLevel switch
            {
                LogLevel.Warning => "warning: ",
                LogLevel.Error => "error: ",
                LogLevel.Critical => "critical: ",
                _ => "",
            };
            string source = entry.Category.StartsWith("Pilgi", StringComparison.Ordinal) ? "" : $"[{entry.Category}] ";
            writer.Write($"{DateTime.Now:HH:mm:ss} {level}{source}{message}");
            if (entry.Exception is { } e) writer.Write($" ({(e as PiiMaskedException)?.OriginalType.Name ?? e.GetType().Name}: {e.Message})");
            writer.WriteLine();
        }
    }
}
