using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Pilgi.Functions.Tests.Support;

/// <summary>
/// Registers a class's <c>[Function]</c> methods with an orchestration or activity trigger into a Durable Task worker,
/// by their function names, the way the Functions host dispatches to them: so the wrappers themselves run.
/// </summary>
internal static class FunctionTasks
{
    /// <param name="orchestratorInput">
    /// What the orchestrator reads with <c>GetInput&lt;T&gt;()</c>: this worker deserializes the input up front, where
    /// the Functions host's context converts it on that call.
    /// </param>
    public static DurableTaskRegistry AddFunctionsOf(this DurableTaskRegistry registry, object functions, Func<FunctionContext> invocation,
        Type orchestratorInput)
    {
        foreach (var method in functions.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
            var parameters = method.GetParameters();
            if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
                registry.AddOrchestrator(function.Name, () => new Orchestrator(functions, method, orchestratorInput));
            else if (parameters.SingleOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null) is { } input)
                registry.AddActivity(function.Name, new Activity(functions, method, input.ParameterType, invocation));
        }
        return registry;
    }

    private static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : throw new InvalidOperationException($"{method.Name} does not return Task<T>.");

    private static object? Invoke(object target, MethodInfo method, object?[] args) =>
        method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);

    private static async Task<object?> AwaitResult(object? task)
    {
        var t = (Task)task!;
        await t;
        return t.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(t);
    }

    private sealed class Orchestrator(object target, MethodInfo method, Type input) : ITaskOrchestrator
    {
        public Type InputType => input;
        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            AwaitResult(Invoke(target, method, [context]));
    }

    private sealed class Activity(object target, MethodInfo method, Type input, Func<FunctionContext> invocation) : ITaskActivity
    {
        public Type InputType => input;
        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskActivityContext context, object? value)
        {
            var args = method.GetParameters()
                .Select(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? value
                    : p.ParameterType == typeof(FunctionContext) ? invocation()
                    : throw new InvalidOperationException($"{method.Name}: no value for {p.Name}"))
                .ToArray();
            return AwaitResult(Invoke(target, method, args));
        }
    }
}
