using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The backend as the sidecar (<c>TaskHubGrpcServer</c>) sees it: every call goes to the real service, except
/// starting and stopping it, which the host does itself (the sidecar would start it when the worker connects and
/// stop it, gracefully and unawaited, when it shuts down; the host wants the order and the deadline). It also counts
/// the work items the sidecar holds, so that a drain can wait for them.
/// </summary>
/// <remarks>
/// It also holds the activity limit itself: the sidecar's dispatcher, once at its limit, looks for a free slot only every
/// half second, and activities are a few hundred milliseconds each. So the dispatcher is told a limit it never reaches,
/// and the call that fetches the next activity waits here until one of the real slots is free.
/// An orchestration work item leaves here without the start messages its history already holds (<see cref="RedeliveredStarts"/>).
/// </remarks>
internal sealed class HostedOrchestrationService<TService>(TService inner, int maxConcurrentActivities, ILogger? log = null)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TService : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private const int DispatcherHeadroom = 1000;

    private readonly SemaphoreSlim _activitySlots = new(maxConcurrentActivities, maxConcurrentActivities);
    private int _orchestrationItems;
    private int _activityItems;

    public TService Inner { get; } = inner;

    /// <summary>Orchestration episodes and activities locked by the sidecar and not yet completed, abandoned or released.</summary>
    public int OutstandingWorkItems => Volatile.Read(ref _orchestrationItems) + Volatile.Read(ref _activityItems);

    // started and stopped by the host
    public Task StartAsync() => Task.CompletedTask;
    public Task StopAsync() => Task.CompletedTask;
    public Task StopAsync(bool isForced) => Task.CompletedTask;

    public Task CreateAsync() => Inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => Inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => Inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => Inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => Inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        Inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => Inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => Inner.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => Inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => Inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => Inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => Inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => DispatcherHeadroom;

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken).ConfigureAwait(false);
        if (item is null) return item!;
        Interlocked.Increment(ref _orchestrationItems);
        if (RedeliveredStarts.Drop(item) > 0)
            log?.LogInformation("{InstanceId}: dropped a start message its history already holds (redelivered after a failed commit)", item.InstanceId);
        return item;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        Inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <summary>The sidecar releases every orchestration work item it locked, whatever became of it.</summary>
    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _orchestrationItems);
        }
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        TaskActivityWorkItem? item = null;
        try
        {
            item = await Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (item is null) _activitySlots.Release();
        }
        if (item is not null) Interlocked.Increment(ref _activityItems);
        return item!;
    }

    private void ActivityDone()
    {
        Interlocked.Decrement(ref _activityItems);
        _activitySlots.Release();
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => Inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage).ConfigureAwait(false);
        ActivityDone(); // when completing fails, the sidecar abandons the item: that releases it
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await Inner.AbandonTaskActivityWorkItemAsync(workItem).ConfigureAwait(false);
        }
        finally
        {
            ActivityDone();
        }
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => Inner.CreateTaskOrchestrationAsync(creationMessage);
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        Inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => Inner.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => Inner.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        Inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => Inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        Inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        Inner.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => Inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        Inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        Inner.GetOrchestrationWithQueryAsync(query, cancellationToken);
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => Inner.PurgeInstanceStateAsync(instanceId);
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => Inner.PurgeInstanceStateAsync(purgeInstanceFilter);
}
