using Pilgi.Core.Results;

namespace Pilgi.Pipeline.Tests.Support;

internal static class ResultAssert
{
    /// <summary>The same document apart from the timings (which measure the run, not the read).</summary>
    public static void SameReading(ScanResult expected, ScanResult actual)
    {
        Assert.Equal(ResultJson.Serialize(expected with { Timings = new() }), ResultJson.Serialize(actual with { Timings = new() }));
    }
}
