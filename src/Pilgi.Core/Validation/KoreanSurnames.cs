namespace Pilgi.Core.Validation;

/// <summary>
/// Korean family names (성씨) as they are written in 한글: the single-syllable ones borne by all but a few thousand
/// people in the census, their common spelling variants (리/이, 라/나, 류/유, 로/노) and the compound ones. A name
/// written on a form starts with one of them; fusion uses that to prefer, among nearly equally likely readings, one
/// whose first syllable is a family name (a misread 변 as 번, 송 as 농).
/// </summary>
public static class KoreanSurnames
{
    private static readonly HashSet<string> Single = new(
        ("가 간 갈 감 강 견 경 계 고 곡 공 곽 교 구 국 군 궁 궉 권 근 금 기 길 김 나 낭 남 내 노 뇌 누 단 담 당 대 도 " +
         "돈 동 두 라 란 랑 량 려 렴 로 뢰 룡 류 리 림 마 만 매 맹 명 모 목 묘 묵 문 미 민 박 반 방 배 백 범 변 복 봉 " +
         "부 비 빈 빙 사 삼 상 서 석 선 설 섭 성 소 손 송 수 순 승 시 신 심 십 아 안 애 야 양 어 엄 여 연 염 엽 영 예 " +
         "오 옥 온 옹 왕 요 용 우 운 원 위 유 육 윤 은 음 이 인 임 자 장 저 전 점 정 제 조 종 좌 주 준 즙 증 지 진 " +
         "차 창 채 천 초 최 추 춘 탁 탄 태 판 팽 편 평 포 표 풍 피 필 하 학 한 함 해 허 현 형 호 홍 화 환 황 후 흥")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly string[] Compound =
        ["남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절", "소봉", "장곡"];

    /// <summary>Length in syllables of the family name that <paramref name="name"/> starts with; 0 when none.</summary>
    public static int PrefixLength(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // a compound family name only where a given name follows it (남궁민, not 남궁 read as 남 + 궁)
        foreach (var compound in Compound)
            if (name.Length > compound.Length && name.StartsWith(compound, StringComparison.Ordinal)) return compound.Length;
        return name.Length > 0 && Single.Contains(name[..1]) ? 1 : 0;
    }

    public static bool StartsWithSurname(string name) => PrefixLength(name) > 0;
}
