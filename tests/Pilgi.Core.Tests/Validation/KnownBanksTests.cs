using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class KnownBanksTests
{
    [Theory]
    [InlineData("KB국민은행", "KB국민은행")]
    [InlineData("국민은행", "KB국민은행")]
    [InlineData("kb 국민 은행", "KB국민은행")]
    [InlineData("국민은행 강남지점", "KB국민은행")]
    [InlineData("신한은행 여의도영업부", "신한은행")]
    [InlineData("농협", "NH농협은행")]
    [InlineData("기업은행", "IBK기업은행")]
    [InlineData("대구은행", "iM뱅크")]
    [InlineData("카카오뱅크", "카카오뱅크")]
    [InlineData("우체국", "우체국")]
    [InlineData("역삼새마을금고", "새마을금고")]
    [InlineData("서초농협", "지역농축협")]
    [InlineData("OK저축은행", "저축은행")]
    public void Known(string value, string canonical)
    {
        Assert.True(KnownBanks.TryMatch(value, out var bank));
        Assert.Equal(canonical, bank.Name);
        Assert.Equal(ValidationOutcome.Ok, KnownBanks.Validate(value));
    }

    [Theory]
    [InlineData("국민은행ㅋㅋ")]
    [InlineData("한국은행행")]
    [InlineData("우리집")]
    [InlineData("없는은행")]
    [InlineData("홍길동")]
    public void Unknown(string value) => Assert.Equal(ValidationReasons.BankUnknown, KnownBanks.Validate(value).Reason);

    [Fact]
    public void List_covers_the_major_banks_without_duplicates()
    {
        foreach (string name in new[] { "신한은행", "우리은행", "하나은행", "SC제일은행", "케이뱅크", "토스뱅크", "부산은행", "경남은행",
                     "광주은행", "전북은행", "제주은행", "수협은행", "신협", "산업은행", "수출입은행", "씨티은행" })
            Assert.True(KnownBanks.IsKnown(name), name);
        Assert.Equal(KnownBanks.AllNames.Count, KnownBanks.AllNames.Distinct().Count());
    }

    [Theory]
    [InlineData("1BK기업은행", "IBK기업은행")]
    [InlineData("신한은헹", "신한은행")]
    [InlineData("토스뱅그 강남지점", "토스뱅크 강남지점")]
    [InlineData("카카오뱅그", "카카오뱅크")]
    [InlineData("우리은핸", "우리은행")]
    public void One_letter_off_a_known_name_is_corrected(string read, string expected)
    {
        Assert.True(KnownBanks.TryCorrect(read, out var corrected));
        Assert.Equal(expected, corrected);
        Assert.True(KnownBanks.IsKnown(corrected));
    }

    [Theory]
    [InlineData("신한은행")]   // known already
    [InlineData("신산은행")]   // one letter off both 신한은행 and 부산은행
    [InlineData("신헙")]       // too short to tell 신협 from 신한
    [InlineData("행복마트")]
    [InlineData("")]
    [InlineData(null)]
    public void Not_corrected(string? read) => Assert.False(KnownBanks.TryCorrect(read, out _));
}
