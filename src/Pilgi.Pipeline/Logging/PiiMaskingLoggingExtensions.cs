using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilgi.Pipeline.Logging;

/// <summary>Puts <see cref="PiiMaskingLoggerFactory"/> in front of a host's logging; every host calls it once.</summary>
public static class PiiMaskingLoggingExtensions
{
    /// <summary>
    /// Masks personal numbers in every entry logged through the services' <see cref="ILoggerFactory"/>, whichever
    /// providers are added before or after this call. Calling it again changes nothing.
    /// </summary>
    public static ILoggingBuilder AddPiiMasking(this ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPiiMasking();
        return builder;
    }

    /// <inheritdoc cref="AddPiiMasking(ILoggingBuilder)"/>
    public static IServiceCollection AddPiiMasking(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        if (services.Any(d => d.ServiceType == typeof(PiiMaskingMarker))) return services;

        var registered = services.Where(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService).ToList();
        var last = registered[^1]; // the one that resolves
        foreach (var d in registered) services.Remove(d);
        services.Add(new ServiceDescriptor(typeof(ILoggerFactory), Decorate(services, last), last.Lifetime));
        services.AddSingleton<PiiMaskingMarker>();
        return services;
    }

    private static Func<IServiceProvider, object> Decorate(IServiceCollection services, ServiceDescriptor original)
    {
        if (original.ImplementationInstance is ILoggerFactory instance)
            return _ => new PiiMaskingLoggerFactory(instance, ownsInner: false);
        if (original.ImplementationFactory is { } factory)
            return sp => new PiiMaskingLoggerFactory((ILoggerFactory)factory(sp), ownsInner: true);
        // the factory's own type (LoggerFactory) as a service of its own, so the container builds and disposes it as before
        var type = original.ImplementationType!;
        if (!services.Any(d => d.ServiceType == type && !d.IsKeyedService)) services.Add(new ServiceDescriptor(type, type, original.Lifetime));
        return sp => new PiiMaskingLoggerFactory((ILoggerFactory)sp.GetRequiredService(type), ownsInner: false);
    }

    private sealed class PiiMaskingMarker;
}
