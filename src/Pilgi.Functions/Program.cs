using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilgi.Functions.Hosting;

// The Functions host for the pipeline: triggers, configuration and logging only (see README.md). AddPilgiFunctions puts
// the personal-number masking in front of every logger of the worker.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPilgiFunctions(builder.Configuration);
builder.Services.AddPilgiTelemetry(builder.Configuration);
builder.Build().Run();
