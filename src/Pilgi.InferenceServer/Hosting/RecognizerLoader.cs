using Microsoft.ML.OnnxRuntime;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>
/// Loads the recogniser on the best execution provider there is: CUDA is tried by creating the session with it (the
/// only test that counts: GetAvailableProviders() lists CUDA in this build whether or not the CUDA 13 libraries and a
/// GPU are there), and on any failure the session is created again on CPU. Logs one line saying which it got.
/// </summary>
public static class RecognizerLoader
{
    public const string Cuda = "CUDA";
    public const string Cpu = "CPU";

    public static LoadedRecognizer Load(ModelDescriptor model, InferenceServerOptions options, ILogger log)
    {
        if (options.ExecutionProvider != ExecutionProviderChoice.Cpu)
        {
            // without CUDA ORT logs the failed library load itself; in Auto that is the expected case on a CPU machine,
            // so only the line below says it (Cuda, where it is an error, leaves ORT's message on)
            var env = OrtEnv.Instance();
            var level = env.EnvLogLevel;
            if (options.ExecutionProvider == ExecutionProviderChoice.Auto) env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                var cuda = new OnnxLineRecognizer(model, new OnnxSessionFactory
                {
                    ConfigureProviders = o =>
                    {
                        o.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                        return Cuda;
                    },
                }, options.MaxBatchSize);
                log.LogInformation("Execution provider: {Provider} (device {Device}) for {Model}", Cuda, options.CudaDeviceId, model.Id);
                return new LoadedRecognizer(cuda, Cuda);
            }
            catch (Exception e) when (options.ExecutionProvider == ExecutionProviderChoice.Auto)
            {
                string why = $"CUDA not available: {FirstLine(e.Message)}";
                var cpu = new OnnxLineRecognizer(model, new OnnxSessionFactory(), options.MaxBatchSize);
                log.LogInformation("Execution provider: {Provider} for {Model} ({Why})", Cpu, model.Id, why);
                return new LoadedRecognizer(cpu, Cpu, why);
            }
            finally
            {
                env.EnvLogLevel = level;
            }
        }
        var onCpu = new OnnxLineRecognizer(model, new OnnxSessionFactory(), options.MaxBatchSize);
        log.LogInformation("Execution provider: {Provider} for {Model} (CUDA not tried: {Setting}=Cpu)", Cpu, model.Id,
            $"{InferenceServerOptions.SectionName}:{nameof(InferenceServerOptions.ExecutionProvider)}");
        return new LoadedRecognizer(onCpu, Cpu, "CUDA not tried (configured CPU)");
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
