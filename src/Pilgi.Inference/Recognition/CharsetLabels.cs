namespace Pilgi.Inference.Recognition;

/// <summary>A model's classes for a text: each symbol of its charset, longest first, to the class that writes it.</summary>
public sealed class CharsetLabels
{
    private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);
    private readonly int _longest;

    public CharsetLabels(IReadOnlyList<string> charset, int blank)
    {
        ArgumentNullException.ThrowIfNull(charset);
        for (int index = 0; index < charset.Count; index++)
        {
            if (charset[index].Length == 0) continue;
            _classes.TryAdd(charset[index], index < blank ? index : index + 1);
            _longest = Math.Max(_longest, charset[index].Length);
        }
    }

    /// <summary>The classes that write <paramref name="text"/>, in order; null where a part of it is no symbol of the charset.</summary>
    public int[]? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new List<int>(text.Length);
        for (int at = 0; at < text.Length;)
        {
            int length = Math.Min(_longest, text.Length - at);
            for (; length > 0; length--)
            {
                if (!_classes.TryGetValue(text.Substring(at, length), out int cls)) continue;
                labels.Add(cls);
                break;
            }
            if (length == 0) return null;
            at += length;
        }
        return [.. labels];
    }
}
