namespace Pilgi.Storage;

/// <summary>
/// The storage queues of the contract (<see cref="StorageNames.ScanEvents"/>): text messages added to a named queue,
/// which is created on the first message. Adding is not idempotent (a queue cannot be asked whether a message is in
/// it): callers that may be retried give their messages ids by which readers drop duplicates.
/// </summary>
public interface IMessageQueue
{
    /// <summary>Adds <paramref name="message"/> to <paramref name="queue"/>.</summary>
    Task SendAsync(string queue, string message, CancellationToken cancellationToken = default);
}
