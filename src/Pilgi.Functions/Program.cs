using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilgi.Functions.Hosting;

// The Functions host for the pipeline: triggers, configuration and logging only (see README.md).
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPilgiFunctions(builder.Configuration);
builder.Services.AddPilgiTelemetry(builder.Configuration);
builder.Build().Run();
