using System.Globalization;
using System.Text.Json.Serialization;
using Pilgi.Core.Errors;

namespace Pilgi.Inference.Models;

/// <summary>
/// How common each character of a script is in the language (<see cref="File"/>: one <c>character&lt;TAB&gt;count</c>
/// row per character, <c>#</c> lines aside), and how strongly the recogniser's frame probabilities of rare ones are
/// lowered (<see cref="ClassWeights"/>; each frame is normalised again after). The network is trained on lines whose
/// syllables are far more even than a language's, so on a hard crop it reads a syllable hardly any word holds as
/// readily as a common one; this prior puts the language's odds back. Only characters the file lists are weighed.
/// </summary>
public sealed record CharacterPrior
{
    /// <summary>The counts file, beside the descriptor.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>What the counts were taken from.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }

    /// <summary>The exponent on the prior odds (0: none).</summary>
    [JsonPropertyName("weight")] public double Weight { get; init; }

    /// <summary>
    /// Natural-log odds against an even share below which a character is lowered: the commonest characters, at least
    /// e^shift times an even share, keep their probability, so a common syllable never outweighs a digit or a letter.
    /// </summary>
    [JsonPropertyName("shift")] public double Shift { get; init; }

    /// <summary>Added to every count (a character the source never shows is rare, not impossible).</summary>
    [JsonPropertyName("smoothing")] public double Smoothing { get; init; } = 1;

    /// <summary>Counts by character, read from <see cref="File"/> when the descriptor is loaded.</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// The factor each class's probability is multiplied by: exp(weight · min(0, ln(p·V) − shift)) for a listed
    /// character of smoothed share p among the V listed ones; 1 for the blank and every unlisted class.
    /// </summary>
    public float[] ClassWeights(IReadOnlyList<string> charset, int blank)
    {
        ArgumentNullException.ThrowIfNull(charset);
        var weights = new float[charset.Count + 1];
        Array.Fill(weights, 1f);
        if (Counts.Count == 0 || Weight == 0) return weights;
        double total = Counts.Values.Sum() + Smoothing * Counts.Count;
        for (int c = 0; c < weights.Length; c++)
        {
            if (c == blank) continue;
            int index = c < blank ? c : c - 1;
            if (!Counts.TryGetValue(charset[index], out long count)) continue;
            double odds = Math.Log((count + Smoothing) / total * Counts.Count);
            weights[c] = (float)Math.Exp(Weight * Math.Min(0, odds - Shift));
        }
        return weights;
    }

    /// <summary>This prior with its counts read from <paramref name="path"/>.</summary>
    public CharacterPrior WithCountsFrom(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Character prior file {path} does not exist.", path);
        if (Weight < 0 || Smoothing <= 0 || !double.IsFinite(Weight) || !double.IsFinite(Shift))
            throw new PilgiException(ReasonCodes.InferenceFailed,
                $"Character prior {File}: weight must be at least 0, smoothing above 0, shift finite.", path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        int number = 0;
        foreach (var row in System.IO.File.ReadLines(path))
        {
            number++;
            if (row.Length == 0 || row.StartsWith('#')) continue;
            var parts = row.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long count)
                || !counts.TryAdd(parts[0], count))
            {
                throw new PilgiException(ReasonCodes.InferenceFailed,
                    $"Character prior {path} line {number}: expected one 'character<TAB>count' row per character.", path);
            }
        }
        if (counts.Count == 0)
            throw new PilgiException(ReasonCodes.InferenceFailed, $"Character prior {path} lists no characters.", path);
        return this with { Counts = counts };
    }
}
