using System.Text.RegularExpressions;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Tests.Orchestration;

public class ScanInstanceIdsTests
{
    [Fact]
    public void The_same_upload_always_gets_the_same_id()
    {
        var id = ScanInstanceIds.For("scans/remittance/001.jpg", "0x8DC1");

        Assert.Equal(id, ScanInstanceIds.For("scans/remittance/001.jpg", "0x8DC1"));
        Assert.Matches(new Regex("^scan-[0-9a-f]{32}$"), id);
    }

    [Fact]
    public void A_new_etag_or_another_path_gives_a_new_id()
    {
        var id = ScanInstanceIds.For("scans/remittance/001.jpg", "0x8DC1");

        Assert.NotEqual(id, ScanInstanceIds.For("scans/remittance/001.jpg", "0x8DC2"));
        Assert.NotEqual(id, ScanInstanceIds.For("scans/remittance/002.jpg", "0x8DC1"));
        Assert.NotEqual(id, ScanInstanceIds.For("scans/deposit/001.jpg", "0x8DC1"));
    }

    [Theory]
    [InlineData("\"0x8DC1\"")]
    [InlineData("W/\"0x8DC1\"")]
    [InlineData(" 0x8DC1 ")]
    public void Quotes_around_the_etag_do_not_matter(string etag)
    {
        Assert.Equal(ScanInstanceIds.For("scans/a/1.jpg", "0x8DC1"), ScanInstanceIds.For("scans/a/1.jpg", etag));
    }

    [Fact]
    public void The_id_is_the_hash_of_path_and_etag()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("scans/a/1.jpg|0x1"u8.ToArray());
        Assert.Equal("scan-" + Convert.ToHexStringLower(hash)[..32], ScanInstanceIds.For("scans/a/1.jpg", "0x1"));
    }
}
