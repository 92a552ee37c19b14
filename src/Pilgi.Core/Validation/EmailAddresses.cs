using System.Text.RegularExpressions;
using Pilgi.Core.Metrics;

namespace Pilgi.Core.Validation;

/// <summary>
/// E-mail addresses written into free-text fields (이메일 on an account opening form). An address is read in lower
/// case (a handwritten k or w is easily taken for K or W, and mail providers ignore case), and a domain one or two
/// letters off one of the large providers Korean customers use is that provider's (n0ver.com, doum.net).
/// </summary>
public static partial class EmailAddresses
{
    private static readonly string[] Providers =
    [
        "naver.com", "daum.net", "hanmail.net", "kakao.com", "gmail.com", "nate.com", "hotmail.com", "outlook.com",
        "yahoo.co.kr", "icloud.com", "korea.kr", "empas.com", "paran.com", "lycos.co.kr", "dreamwiz.com",
    ];

    /// <summary>
    /// The address <paramref name="value"/> holds, normalised: false when it is no address (anything but ASCII letters,
    /// digits and <c>._%+-</c> around a single '@', spaces aside). <paramref name="domainCorrected"/> when the domain
    /// was changed beyond its case.
    /// </summary>
    public static bool TryNormalize(string? value, out string address, out bool domainCorrected)
    {
        address = "";
        domainCorrected = false;
        // an address has no spaces: those read into one are gaps between the regions it was found in
        string text = string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (!Address().IsMatch(text)) return false;
        int at = text.IndexOf('@');
        string local = text[..at].ToLowerInvariant(), domain = text[(at + 1)..].ToLowerInvariant();
        if (Closest(domain) is { } provider && provider != domain)
        {
            domain = provider;
            domainCorrected = true;
        }
        address = local + "@" + domain;
        return true;
    }

    /// <summary>The one provider within two edits of <paramref name="domain"/>; null when none, or several, are.</summary>
    private static string? Closest(string domain)
    {
        if (Providers.Contains(domain, StringComparer.Ordinal)) return domain;
        string? found = null;
        foreach (var provider in Providers)
        {
            if (EditDistance.Levenshtein(domain, provider) > 2) continue;
            if (found is not null) return null;
            found = provider;
        }
        return found;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
