using DurableTask.Core;
using DurableTask.Core.History;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// Drops a start message that an orchestration's history already holds. The Azure Storage backend commits an episode
/// as: send its outbound messages, write the history, delete the messages that triggered it. When the storage goes
/// away between the last two steps (an outage, Azurite restarted), the instance's <c>ExecutionStarted</c> message comes
/// back after its visibility timeout although its history already starts with it. DurableTask.Core's own dispatcher
/// drops such a duplicate; the gRPC sidecar's does not: it fails the episode on every redelivery ("Multiple
/// ExecutionStartedEvent found") and the scan stalls meanwhile. Only a start of the execution the history holds is
/// dropped; a start of a new execution (a failed scan scheduled again) goes through.
/// </summary>
internal static class RedeliveredStarts
{
    /// <summary>Removes the duplicate start messages from <paramref name="workItem"/>; returns how many.</summary>
    public static int Drop(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.OrchestrationRuntimeState?.ExecutionStartedEvent is null || workItem.NewMessages is not { Count: > 0 } messages) return 0;
        string? executionId = workItem.OrchestrationRuntimeState!.OrchestrationInstance?.ExecutionId;
        var kept = messages.Where(m => !(m.Event is ExecutionStartedEvent && m.OrchestrationInstance?.ExecutionId == executionId)).ToList();
        int dropped = messages.Count - kept.Count;
        if (dropped > 0) workItem.NewMessages = kept;
        return dropped;
    }
}
