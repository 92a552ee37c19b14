using Microsoft.Azure.Functions.Worker;

namespace Pilgi.Functions.Tests.Support;

/// <summary>The part of a function invocation the wrappers use: its services and cancellation.</summary>
internal sealed class TestFunctionContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
    public override string FunctionId => "test";
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException();
}
