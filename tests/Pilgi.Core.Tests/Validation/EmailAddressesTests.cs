using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("yejun507@Kakao.com", "yejun507@kakao.com", false)]
    [InlineData("minjun399@naver.com", "minjun399@naver.com", false)]
    [InlineData("soyeon247@n0ver.com", "soyeon247@naver.com", true)]
    [InlineData("taeyang227@doum.net", "taeyang227@daum.net", true)]
    [InlineData("jiwoo155@tanmailnet", "jiwoo155@hanmail.net", true)]
    [InlineData("kim@nate.com", "kim@nate.com", false)]      // two edits from naver.com, but a provider itself
    [InlineData("lee@company.co.kr", "lee@company.co.kr", false)]
    [InlineData("kim @naver .com", "kim@naver.com", false)]
    public void Normalises_an_address(string read, string expected, bool corrected)
    {
        Assert.True(EmailAddresses.TryNormalize(read, out var address, out bool domainCorrected));
        Assert.Equal(expected, address);
        Assert.Equal(corrected, domainCorrected);
    }

    [Theory]
    [InlineData("적금 이체")]
    [InlineData("@naver.com")]
    [InlineData("kim@")]
    [InlineData("a@b@naver.com")]
    [InlineData("회비 kim@naver.com")]
    [InlineData(null)]
    public void Not_an_address(string? read) => Assert.False(EmailAddresses.TryNormalize(read, out _, out _));
}
