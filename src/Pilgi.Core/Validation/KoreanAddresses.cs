namespace Pilgi.Core.Validation;

/// <summary>
/// The closed vocabulary inside Korean addresses: the 17 provinces and metropolitan cities, the cities, counties and
/// districts (시·군·구, as of 2025), and the large apartment brands. An address read with one of these a letter part
/// off (a vowel, an initial or a final consonant: <c>경조시</c>, <c>대저광역시</c>, <c>연대아파트</c>; two parts in a
/// name of three syllables or more) is mended to the nearest name, and only when no other is as near; road names,
/// numbers and everything else are left as read. Handwriting confuses letter parts, not whole syllables, so nearness
/// is counted in jamo.
/// </summary>
public static class KoreanAddresses
{
    private static readonly string[] Provinces =
    [
        "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
        "경기도", "강원특별자치도", "강원도", "충청북도", "충청남도", "전북특별자치도", "전라북도", "전라남도", "경상북도",
        "경상남도", "제주특별자치도", "제주도",
        // as people write them
        "서울시", "부산시", "대구시", "인천시", "대전시", "울산시", "세종시",
    ];

    private static readonly string[] Municipalities =
    [
        // 경기
        "수원시", "성남시", "고양시", "용인시", "부천시", "안산시", "안양시", "남양주시", "화성시", "평택시", "의정부시",
        "시흥시", "파주시", "김포시", "광명시", "광주시", "군포시", "하남시", "오산시", "이천시", "안성시", "의왕시", "양주시",
        "구리시", "포천시", "동두천시", "과천시", "여주시", "가평군", "양평군", "연천군",
        "장안구", "권선구", "팔달구", "영통구", "수정구", "중원구", "분당구", "만안구", "동안구", "상록구", "단원구",
        "덕양구", "일산동구", "일산서구", "처인구", "기흥구", "수지구", "원미구", "소사구", "오정구",
        "만세구", "효행구", "병점구", "동탄구",
        // 강원
        "춘천시", "원주시", "강릉시", "동해시", "태백시", "속초시", "삼척시", "홍천군", "횡성군", "영월군", "평창군", "정선군",
        "철원군", "화천군", "양구군", "인제군", "고성군", "양양군",
        // 충북, 충남
        "청주시", "충주시", "제천시", "보은군", "옥천군", "영동군", "증평군", "진천군", "괴산군", "음성군", "단양군",
        "상당구", "서원구", "흥덕구", "청원구",
        "천안시", "공주시", "보령시", "아산시", "서산시", "논산시", "계룡시", "당진시", "금산군", "부여군", "서천군", "청양군",
        "홍성군", "예산군", "태안군", "동남구", "서북구",
        // 전북, 전남
        "전주시", "군산시", "익산시", "정읍시", "남원시", "김제시", "완주군", "진안군", "무주군", "장수군", "임실군", "순창군",
        "고창군", "부안군", "완산구", "덕진구",
        "목포시", "여수시", "순천시", "나주시", "광양시", "담양군", "곡성군", "구례군", "고흥군", "보성군", "화순군", "장흥군",
        "강진군", "해남군", "영암군", "무안군", "함평군", "영광군", "장성군", "완도군", "진도군", "신안군",
        // 경북, 경남
        "포항시", "경주시", "김천시", "안동시", "구미시", "영주시", "영천시", "상주시", "문경시", "경산시", "의성군", "청송군",
        "영양군", "영덕군", "청도군", "고령군", "성주군", "칠곡군", "예천군", "봉화군", "울진군", "울릉군",
        "창원시", "진주시", "통영시", "사천시", "김해시", "밀양시", "거제시", "양산시", "의령군", "함안군", "창녕군", "남해군",
        "하동군", "산청군", "함양군", "거창군", "합천군", "의창구", "성산구", "마산합포구", "마산회원구", "진해구",
        // 제주
        "제주시", "서귀포시",
        // the metropolitan cities' districts and counties
        "종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구",
        "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구",
        "송파구", "강동구", "서구", "동구", "남구", "북구", "영도구", "부산진구", "동래구", "해운대구", "사하구", "금정구",
        "연제구", "수영구", "사상구", "기장군", "수성구", "달서구", "달성군", "군위군", "미추홀구", "연수구", "남동구",
        "부평구", "계양구", "강화군", "옹진군", "광산구", "유성구", "대덕구", "울주군",
    ];

    private static readonly string[] ApartmentBrands =
    [
        "현대", "삼성", "래미안", "자이", "푸르지오", "더샵", "롯데캐슬", "아이파크", "힐스테이트", "한신", "대우", "주공",
        "우성", "쌍용", "한양", "벽산", "대림", "금호", "두산", "동아", "신동아", "극동", "한라", "코오롱", "부영", "호반",
        "중흥", "우미", "센트레빌", "데시앙", "스위첸", "꿈에그린", "휴먼시아", "대방", "e편한세상", "SK뷰", "한화",
    ];

    private const string Apartment = "아파트";

    private static readonly HashSet<string> Places = new(Provinces.Concat(Municipalities), StringComparer.Ordinal);
    private static readonly HashSet<string> Brands = new(ApartmentBrands, StringComparer.Ordinal);

    /// <summary>
    /// The address with each province, city, county, district or apartment brand that is near exactly one known name
    /// replaced by it; false (and the value unchanged) when there was nothing to mend.
    /// </summary>
    public static bool TryCorrect(string? address, out string corrected)
    {
        corrected = address ?? "";
        if (string.IsNullOrWhiteSpace(address)) return false;
        var tokens = address.Split(' ');
        bool changed = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            string token = tokens[i];
            if (token.Length > Apartment.Length && token.EndsWith(Apartment, StringComparison.Ordinal))
            {
                string brand = token[..^Apartment.Length];
                if (!Brands.Contains(brand) && Nearest(brand, Brands) is { } known)
                {
                    tokens[i] = known + Apartment;
                    changed = true;
                }
            }
            else if (IsPlaceName(token) && !Places.Contains(token) && Nearest(token, Places) is { } place)
            {
                tokens[i] = place;
                changed = true;
            }
        }
        if (changed) corrected = string.Join(' ', tokens);
        return changed;
    }

    /// <summary>Two or more Hangul syllables ending in 도, 시, 군 or 구: what a province, city, county or district is called.</summary>
    private static bool IsPlaceName(string token) =>
        token.Length >= 2 && token[^1] is '도' or '시' or '군' or '구' && token.All(IsSyllable);

    /// <summary>
    /// The one name of the same length nearest to <paramref name="token"/> in jamo: at most one part away for a
    /// two-syllable token, two for a longer one (more of it agrees); null when none is that near or two are equally near.
    /// </summary>
    private static string? Nearest(string token, IEnumerable<string> names)
    {
        int limit = token.Length >= 3 ? 2 : 1, best = limit + 1;
        string? found = null;
        bool tie = false;
        foreach (var name in names)
        {
            if (name.Length != token.Length) continue;
            int d = JamoDistance(token, name);
            if (d < best)
            {
                (best, found, tie) = (d, name, false);
            }
            else if (d == best)
            {
                tie = true;
            }
        }
        return found is not null && !tie && best > 0 ? found : null;
    }

    /// <summary>Letter parts (initial, vowel, final) that differ, syllable by syllable; another character counts 3 unless equal.</summary>
    private static int JamoDistance(string a, string b)
    {
        int distance = 0;
        for (int i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            if (!IsSyllable(x) || !IsSyllable(y))
            {
                distance += 3;
                continue;
            }
            int p = x - FirstSyllable, q = y - FirstSyllable;
            distance += (p / 588 != q / 588 ? 1 : 0) + (p % 588 / 28 != q % 588 / 28 ? 1 : 0) + (p % 28 != q % 28 ? 1 : 0);
        }
        return distance;
    }

    private const char FirstSyllable = '가';

    private static bool IsSyllable(char c) => c is >= '가' and <= '힣';
}
