using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Http;
using Pilgi.Reading.Templates;

namespace Pilgi.InferenceServer.Endpoints;

/// <summary>The routes (<see cref="InferenceRoutes"/>); the handlers do the work.</summary>
public static class InferenceEndpoints
{
    public static WebApplication MapPilgiInference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // fail at start, not at the first request, on a forms folder that is not there
        app.Services.GetRequiredService<ITemplateProvider>();
        app.Services.GetRequiredService<Hosting.ServiceUptime>();
        app.UseMiddleware<ProblemReplies>();
        app.UseStatusCodePages(); // problem details for 404/405 of unknown routes as well

        app.MapPost(InferenceRoutes.Recognize, (HttpContext http, RecognizeHandler h) => h.HandleAsync(http));
        app.MapPost(InferenceRoutes.Detect, (HttpContext http, DetectHandler h) => h.HandleAsync(http));
        app.MapGet(InferenceRoutes.Health, (StatusHandler h) => h.Health());
        app.MapGet(InferenceRoutes.Ready, (StatusHandler h) => h.Ready());
        app.MapGet(InferenceRoutes.Stats, (StatusHandler h) => h.Stats());
        return app;
    }
}
