using Pilgi.InferenceServer.Endpoints;
using Pilgi.InferenceServer.Hosting;

// The inference service: configuration, services and routes only (see README.md).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddPilgiInferenceServer();
var app = builder.Build();
app.MapPilgiInference();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
