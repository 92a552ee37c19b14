using DurableTask.Core;
using DurableTask.Core.History;
using Pilgi.Cli.Hosting;

namespace Pilgi.Cli.Tests.Hosting;

public class RedeliveredStartsTests
{
    private static readonly OrchestrationInstance First = new() { InstanceId = "scan-1", ExecutionId = "e1" };
    private static readonly OrchestrationInstance Second = new() { InstanceId = "scan-1", ExecutionId = "e2" };

    [Fact]
    public void A_start_the_history_holds_is_dropped_and_everything_else_kept()
    {
        var item = WorkItem(history: [Started(First)], Message(Started(First), First), Message(new TaskCompletedEvent(-1, 0, "{}"), First),
            Message(Started(Second), Second));

        Assert.Equal(1, RedeliveredStarts.Drop(item));

        Assert.Collection(item.NewMessages,
            m => Assert.IsType<TaskCompletedEvent>(m.Event),
            m => Assert.Equal(("e2", EventType.ExecutionStarted), (m.OrchestrationInstance.ExecutionId, m.Event.EventType)));
    }

    [Fact]
    public void The_first_start_of_an_instance_goes_through()
    {
        var item = WorkItem(history: [], Message(Started(First), First));

        Assert.Equal(0, RedeliveredStarts.Drop(item));

        Assert.Single(item.NewMessages);
    }

    private static ExecutionStartedEvent Started(OrchestrationInstance instance) =>
        new(-1, "{}") { Name = "ReadScan", OrchestrationInstance = instance };

    private static TaskMessage Message(HistoryEvent e, OrchestrationInstance instance) => new() { Event = e, OrchestrationInstance = instance };

    private static TaskOrchestrationWorkItem WorkItem(HistoryEvent[] history, params TaskMessage[] messages) => new()
    {
        InstanceId = "scan-1",
        OrchestrationRuntimeState = new OrchestrationRuntimeState(history),
        NewMessages = messages.ToList(),
    };
}
