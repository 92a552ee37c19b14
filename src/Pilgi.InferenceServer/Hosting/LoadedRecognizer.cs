using Pilgi.Inference.Recognition;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>The recogniser the service serves, and the execution provider it runs on ("CUDA" or "CPU", and why not CUDA).</summary>
public sealed record LoadedRecognizer(ILineBatchEngine Engine, string ExecutionProvider, string? ExecutionProviderNote = null);
