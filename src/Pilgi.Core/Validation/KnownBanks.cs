using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>
/// Korean banks and financial institutions accepted in <c>bank</c> fields. The synthetic-data generator uses the
/// same names, so keep both lists in sync when editing. A value is known when, after removing spaces and ignoring
/// Latin case, it is a spelling below optionally followed by a branch ("국민은행 강남지점"), or a local
/// cooperative named by region ("역삼새마을금고", "서초농협", "OK저축은행").
/// </summary>
public static partial class KnownBanks
{
    public static IReadOnlyList<KnownBank> All { get; } =
    [
        new("KB국민은행", ["국민은행", "KB은행", "국민"]),
        new("신한은행", ["신한"]),
        new("우리은행", ["우리"]),
        new("하나은행", ["KEB하나은행", "하나"]),
        new("NH농협은행", ["농협은행", "NH농협", "농협", "NH은행"]),
        new("지역농축협", ["지역농협", "단위농협", "축협"]),
        new("IBK기업은행", ["기업은행", "IBK", "기업"]),
        new("SC제일은행", ["제일은행", "SC은행", "스탠다드차타드은행"]),
        new("한국씨티은행", ["씨티은행", "시티은행", "씨티"]),
        new("카카오뱅크", ["카카오"]),
        new("케이뱅크", ["K뱅크"]),
        new("토스뱅크", []),
        new("부산은행", ["BNK부산은행"]),
        new("iM뱅크", ["대구은행", "DGB대구은행", "아이엠뱅크"]),
        new("경남은행", ["BNK경남은행"]),
        new("광주은행", []),
        new("전북은행", []),
        new("제주은행", []),
        new("Sh수협은행", ["수협은행", "수협"]),
        new("새마을금고", ["MG새마을금고"]),
        new("신협", ["신용협동조합"]),
        new("우체국", ["우체국예금", "우정사업본부"]),
        new("KDB산업은행", ["산업은행"]),
        new("한국수출입은행", ["수출입은행"]),
        new("산림조합", ["산림조합중앙회"]),
        new("저축은행", ["상호저축은행"]),
        new("미래에셋증권", []),
        new("삼성증권", []),
        new("한국투자증권", []),
        new("NH투자증권", []),
        new("KB증권", []),
        new("키움증권", []),
        new("신한투자증권", ["신한금융투자"]),
        new("하나증권", []),
        new("대신증권", []),
        new("메리츠증권", []),
        new("유안타증권", []),
        new("교보증권", []),
        new("한화투자증권", []),
        new("토스증권", []),
    ];

    /// <summary>Every accepted spelling (names and aliases), as written above.</summary>
    public static IReadOnlyList<string> AllNames { get; } = All.SelectMany(b => b.Spellings).ToArray();

    // Institutions whose local branches are separate entities named "<region><suffix>".
    private static readonly (string Suffix, string Bank)[] RegionalSuffixes =
    [
        ("새마을금고", "새마을금고"), ("신협", "신협"), ("농협", "지역농축협"), ("축협", "지역농축협"),
        ("수협", "Sh수협은행"), ("산림조합", "산림조합"), ("저축은행", "저축은행"),
    ];

    private static readonly string[] BranchSuffixes = ["지점", "점", "출장소", "영업부", "센터", "지사", "본부"];

    // Longest spelling first, so "국민은행강남지점" matches "국민은행" rather than "국민".
    private static readonly (string Key, KnownBank Bank)[] Lookup = All
        .SelectMany(b => b.Spellings.Select(s => (Key: Key(s), Bank: b)))
        .OrderByDescending(p => p.Key.Length)
        .ToArray();

    private static readonly Dictionary<string, KnownBank> ByName = All.ToDictionary(b => b.Name, StringComparer.Ordinal);

    /// <summary>The institution a written bank name refers to; false when unknown.</summary>
    public static bool TryMatch(string? value, out KnownBank bank)
    {
        bank = null!;
        string key = Key(value);
        if (key.Length == 0) return false;

        foreach (var (spelling, candidate) in Lookup)
        {
            if (!key.StartsWith(spelling, StringComparison.Ordinal)) continue;
            string rest = key[spelling.Length..];
            if (rest.Length == 0 || IsBranch(rest)) { bank = candidate; return true; }
        }
        foreach (var (suffix, name) in RegionalSuffixes)
        {
            int at = key.IndexOf(suffix, StringComparison.Ordinal);
            if (at <= 0 || at > 12 || !Word().IsMatch(key[..at])) continue;
            string rest = key[(at + suffix.Length)..];
            if (rest.Length == 0 || IsBranch(rest)) { bank = ByName[name]; return true; }
        }
        return false;
    }

    public static bool IsKnown(string? value) => TryMatch(value, out _);

    // Spellings of three letters or more, as written: a one-letter slip in a two-letter one (신협) is another name.
    private static readonly (string Key, string Spelling, KnownBank Bank)[] Correctable = All
        .SelectMany(b => b.Spellings.Select(s => (Key: Key(s), Spelling: s, Bank: b)))
        .Where(p => p.Key.Length >= 3)
        .ToArray();

    /// <summary>
    /// An unknown bank name one letter away from a known spelling (a letter misread, dropped or added: 신산은행,
    /// 1BK기업은행) is that spelling, the branch kept as written, when only one institution is that close.
    /// </summary>
    public static bool TryCorrect(string? value, out string corrected)
    {
        corrected = "";
        string key = Key(value);
        if (key.Length < 3 || IsKnown(value)) return false;
        KnownBank? found = null;
        foreach (var (spelling, written, bank) in Correctable)
        {
            // a letter misread first, then one dropped or added: "신한은헹강남지점" is 신한은행 + 강남지점, not 신한은 + 헹강남지점
            foreach (int cut in (int[])[spelling.Length, spelling.Length - 1, spelling.Length + 1])
            {
                if (cut > key.Length) continue;
                string rest = key[cut..];
                if (rest.Length > 0 && !IsBranch(rest)) continue;
                if (Metrics.EditDistance.Levenshtein(key[..cut], spelling) != 1) continue;
                if (found is not null && found != bank) { corrected = ""; return false; }
                if (found is null) corrected = written + AfterCompact(value!, cut);
                found = bank;
            }
        }
        return found is not null;
    }

    /// <summary>What follows the first <paramref name="count"/> non-space characters of <paramref name="value"/>.</summary>
    private static string AfterCompact(string value, int count)
    {
        int i = 0;
        for (int seen = 0; i < value.Length && seen < count; i++)
            if (!char.IsWhiteSpace(value[i])) seen++;
        return value[i..];
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return IsKnown(value) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.BankUnknown);
    }

    private static bool IsBranch(string rest) =>
        rest.Length <= 20 && Word().IsMatch(rest) && BranchSuffixes.Any(s => rest.EndsWith(s, StringComparison.Ordinal));

    private static string Key(string? value) => ValueText.Compact(value).ToUpperInvariant();

    [GeneratedRegex("^[가-힣A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
