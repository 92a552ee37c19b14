using Pilgi.Core.Privacy;

namespace Pilgi.Pipeline.Logging;

/// <summary>
/// What a log entry carries instead of an exception whose text holds personal numbers: the original's message,
/// stack trace and full text (inner exceptions included) masked, and its type.
/// </summary>
public sealed class PiiMaskedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private PiiMaskedException(Exception original, string maskedText)
        : base(PiiMasker.Mask(original.Message))
    {
        OriginalType = original.GetType();
        HResult = original.HResult;
        _text = maskedText;
        _stackTrace = PiiMasker.Mask(original.StackTrace);
    }

    /// <summary>The type of the exception this one stands in for.</summary>
    public Type OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    public override string ToString() => _text;

    /// <summary>The exception itself when its text holds nothing to mask, else a masked stand-in.</summary>
    public static Exception From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is PiiMaskedException) return exception;
        string text = exception.ToString();
        string masked = PiiMasker.Mask(text);
        return masked == text && PiiMasker.Mask(exception.Message) == exception.Message ? exception : new PiiMaskedException(exception, masked);
    }
}
