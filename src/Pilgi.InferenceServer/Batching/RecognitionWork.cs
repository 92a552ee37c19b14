using Pilgi.Inference.Recognition;

namespace Pilgi.InferenceServer.Batching;

/// <summary>One recognise request in the queue: its prepared lines, and the reads its caller awaits.</summary>
internal sealed class RecognitionWork(PreparedLine[] lines, CancellationToken abandoned)
{
    private readonly TaskCompletionSource<TextRecognition[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreparedLine[] Lines { get; } = lines;

    /// <summary>The caller went away (its request was aborted): nothing to run for it.</summary>
    public bool Abandoned => abandoned.IsCancellationRequested;

    public Task<TextRecognition[]> Completion => _done.Task;

    public void Complete(TextRecognition[] reads) => _done.TrySetResult(reads);

    public void Fail(Exception error) => _done.TrySetException(error);

    public void Cancel() => _done.TrySetCanceled(abandoned);
}
