using Microsoft.Extensions.Logging;
using Pilgi.Core.Privacy;

namespace Pilgi.Pipeline.Logging;

/// <summary>
/// Passes each entry on with its personal numbers masked (<see cref="PiiMasker"/>): the formatted message, each
/// structured value (what structured sinks export), the exception's text and the scopes' values. An entry with
/// nothing to mask is passed on as it came (its state and exception untouched).
/// </summary>
internal sealed class PiiMaskingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        MaskedLogState.MaskScope(state) is { } masked ? inner.BeginScope(masked) : inner.BeginScope(state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel)) return;
        string message = formatter(state, exception);
        string maskedMessage = PiiMasker.Mask(message);
        var maskedException = exception is null ? null : PiiMaskedException.From(exception);
        var maskedValues = MaskedLogState.MaskValues(state);
        if (maskedValues is null && ReferenceEquals(maskedException, exception) && maskedMessage == message)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }
        var masked = new MaskedLogState(maskedMessage, maskedValues ?? MaskedLogState.ValuesOf(state));
        inner.Log(logLevel, eventId, masked, maskedException, MaskedLogState.Format);
    }
}
