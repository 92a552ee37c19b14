using Microsoft.ML.OnnxRuntime;

namespace Pilgi.Inference.Models;

/// <summary>
/// Creates ONNX Runtime sessions with one policy for every model. Hosts that have an accelerator pass
/// <see cref="ConfigureProviders"/> (the inference service appends CUDA there); the default is CPU.
/// </summary>
public sealed class OnnxSessionFactory
{
    public int IntraOpThreads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Appends execution providers; returns the provider name it ended up with.</summary>
    public Func<SessionOptions, string>? ConfigureProviders { get; init; }

    /// <summary>The provider the last created session runs on ("CPU" unless <see cref="ConfigureProviders"/> chose another).</summary>
    public string ExecutionProvider { get; private set; } = "CPU";

    public InferenceSession Create(ModelDescriptor model)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        ExecutionProvider = ConfigureProviders?.Invoke(options) ?? "CPU";
        return new InferenceSession(model.ModelPath, options);
    }
}
