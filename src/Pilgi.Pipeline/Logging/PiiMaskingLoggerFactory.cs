using Microsoft.Extensions.Logging;

namespace Pilgi.Pipeline.Logging;

/// <summary>
/// Every logger it creates masks personal numbers before an entry reaches any provider (those added later too), so
/// the providers' own filters and options (by provider type or alias) keep working.
/// </summary>
public sealed class PiiMaskingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly bool _ownsInner;

    /// <param name="ownsInner">Whether disposing this factory disposes <paramref name="inner"/>.</param>
    public PiiMaskingLoggerFactory(ILoggerFactory inner, bool ownsInner = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _ownsInner = ownsInner;
    }

    public ILogger CreateLogger(string categoryName) => new PiiMaskingLogger(_inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose()
    {
        if (_ownsInner) _inner.Dispose();
    }
}
