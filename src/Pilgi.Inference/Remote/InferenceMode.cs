namespace Pilgi.Inference.Remote;

/// <summary>Where the pipeline runs detection and recognition.</summary>
public enum InferenceMode
{
    /// <summary>In the host's own process (the models loaded there).</summary>
    InProcess,

    /// <summary>Through the inference service at <see cref="InferenceOptions.Url"/>.</summary>
    Remote,
}
