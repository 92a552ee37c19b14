namespace Pilgi.InferenceServer.Batching;

/// <summary>The recognise queue holds <see cref="InferenceServerOptions.QueueCapacity"/> requests already: come back later.</summary>
internal sealed class QueueFullException(string message) : Exception(message);
