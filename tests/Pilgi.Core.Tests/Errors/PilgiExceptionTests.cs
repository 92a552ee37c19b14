using Pilgi.Core.Errors;

namespace Pilgi.Core.Tests.Errors;

public class PilgiExceptionTests
{
    [Fact]
    public void Carries_reason_subject_and_message()
    {
        var e = new PilgiException(ReasonCodes.ImageCorrupt, "bad bytes", "scans/a.jpg");
        Assert.Equal("image_corrupt", e.Reason);
        Assert.Equal("scans/a.jpg", e.Subject);
        Assert.Equal("bad bytes", e.Message);
    }

    [Fact]
    public void Reason_codes_are_distinct_snake_case()
    {
        Assert.Equal(17, ReasonCodes.All.Count);
        Assert.Equal(ReasonCodes.All.Count, ReasonCodes.All.Distinct().Count());
        Assert.All(ReasonCodes.All, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
    }
}
