using Pilgi.Core.Errors;

namespace Pilgi.Imaging.Tests.TestSupport;

internal static class RefusalAssert
{
    /// <summary>Asserts a <see cref="PilgiException"/> with <paramref name="reason"/> that names <paramref name="subject"/>.</summary>
    public static async Task<PilgiException> RefusedAsync(string reason, string subject, Func<Task> action)
    {
        var refusal = await Assert.ThrowsAsync<PilgiException>(action);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal(subject, refusal.Subject);
        Assert.Contains(subject, refusal.Message);
        return refusal;
    }
}
