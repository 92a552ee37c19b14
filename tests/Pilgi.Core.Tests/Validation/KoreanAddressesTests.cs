using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class KoreanAddressesTests
{
    [Theory]
    [InlineData("경상북도 경조시 봉은사로 334", "경상북도 경주시 봉은사로 334")] // a vowel
    [InlineData("경산북도 포항시 남구 강남대길 276", "경상북도 포항시 남구 강남대길 276")] // a final consonant
    [InlineData("대저광역시 중구 대학길 161", "대전광역시 중구 대학길 161")]
    [InlineData("전라남도 순전시 문화길 324 연대아파트 108동", "전라남도 순천시 문화길 324 현대아파트 108동")] // an initial; a brand
    [InlineData("대전광역시 중구 대학길 161 산성아파트 118동 502호", "대전광역시 중구 대학길 161 삼성아파트 118동 502호")]
    [InlineData("충청북도 청추시 홍덕구 평화로 35", "충청북도 청주시 흥덕구 평화로 35")] // two names in one address
    [InlineData("서울특별시 영등표구 여의대로 24", "서울특별시 영등포구 여의대로 24")]
    public void Mends_a_place_or_brand_one_letter_part_off_a_single_known_name(string read, string expected)
    {
        Assert.True(KoreanAddresses.TryCorrect(read, out var corrected));
        Assert.Equal(expected, corrected);
    }

    [Theory]
    [InlineData("서울특별시 강남구 테헤란로 152")] // all known
    [InlineData("경상북도 경주시 봉은사로 334, 12층")]
    [InlineData("충청북도 청주시 중아길 17")] // a road name: open vocabulary, left as read
    [InlineData("경기도 남양주시 다산동 123")] // 동 names are not in the list
    [InlineData("대전광역시 즛구 대학길 161")] // two parts off 중구, and a two-syllable name may be one part off only
    [InlineData("전라남도 순천시 천대아파트 108동")] // likewise a two-syllable brand: 천대 is two parts from 현대
    [InlineData("경기도 하남시 미사강변아파트 101동")] // an unknown brand not one part off any known one
    [InlineData("")]
    [InlineData(null)]
    public void Leaves_an_address_alone_when_nothing_is_one_part_off_a_single_name(string? read)
    {
        Assert.False(KoreanAddresses.TryCorrect(read, out var corrected));
        Assert.Equal(read ?? "", corrected);
    }

    [Fact]
    public void Does_not_choose_between_two_names_equally_near()
    {
        // 둥구 is one vowel from 동구 and one initial consonant from 중구
        Assert.False(KoreanAddresses.TryCorrect("부산광역시 둥구 중앙대로 1", out var corrected));
        Assert.Equal("부산광역시 둥구 중앙대로 1", corrected);
    }
}
