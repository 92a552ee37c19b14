using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Pilgi.Functions.Orchestration;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Functions.Tests.Orchestration;

/// <summary>The explicit [Function] wrappers stay in step with the pipeline's registered orchestration and activities.</summary>
public class FunctionWrapperTests
{
    private static readonly Assembly Functions = typeof(ReadScanFunctions).Assembly;

    private static IEnumerable<(string Name, MethodInfo Method)> FunctionsWith<TTrigger>() where TTrigger : Attribute =>
        from type in Functions.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null && method.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null)
        select (function.Name, method);

    /// <summary>The pipeline's activity classes by their Name constant.</summary>
    private static Dictionary<string, Type> PipelineActivities() =>
        typeof(ReadScanOrchestrator).Assembly.GetTypes()
            .Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            .ToDictionary(t => (string)t.GetField("Name")!.GetRawConstantValue()!);

    [Fact]
    public void There_is_one_activity_function_per_registered_activity_name()
    {
        var wrapped = FunctionsWith<ActivityTriggerAttribute>().Select(f => f.Name).ToList();

        Assert.Equal(PipelineTaskRegistry.ActivityNames.Order(StringComparer.Ordinal), wrapped.Order(StringComparer.Ordinal));
        Assert.Equal(PipelineActivities().Keys.Order(StringComparer.Ordinal), wrapped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_activity_function_takes_and_returns_what_its_activity_class_does()
    {
        var activities = PipelineActivities();
        foreach (var (name, method) in FunctionsWith<ActivityTriggerAttribute>())
        {
            var args = activities[name].BaseType!.GetGenericArguments();
            var input = method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
            Assert.Equal(args[0], input.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(args[1]), method.ReturnType);
        }
    }

    [Fact]
    public void The_orchestrator_function_is_named_as_the_registered_orchestrator()
    {
        var (name, method) = Assert.Single(FunctionsWith<OrchestrationTriggerAttribute>());

        Assert.Equal(ReadScanOrchestrator.Name, name);
        Assert.Equal(typeof(Task<ReadScanOutcome>), method.ReturnType);
        Assert.Equal(typeof(TaskOrchestrationContext), Assert.Single(method.GetParameters()).ParameterType);
    }

    [Fact]
    public void Function_names_are_unique()
    {
        var names = Functions.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>().ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(FunctionNames.ScanUploaded, names);
        Assert.Contains(FunctionNames.ScanStatus, names);
        Assert.Contains(FunctionNames.Health, names);
    }
}
