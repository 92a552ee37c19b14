using System.Collections;
using System.Globalization;
using Pilgi.Core.Privacy;

namespace Pilgi.Pipeline.Logging;

/// <summary>
/// The state of a log entry or scope after masking: the structured values (<c>{OriginalFormat}</c> among them, as
/// structured sinks read them) and the masked message as its text.
/// </summary>
internal sealed class MaskedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>> values)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<MaskedLogState, Exception?, string> Format = (state, _) => state.ToString();

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    /// <summary>The structured values of a state (none when it has none).</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> ValuesOf(object? state) =>
        state as IReadOnlyList<KeyValuePair<string, object?>>
        ?? (state as IEnumerable<KeyValuePair<string, object?>>)?.ToList()
        ?? (IReadOnlyList<KeyValuePair<string, object?>>)[];

    /// <summary>
    /// The structured values of a state with each one whose text holds a personal number replaced by that text
    /// masked; null when the state has none or nothing in them changes.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>>? MaskValues(object? state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>>) return null;
        var values = ValuesOf(state);
        KeyValuePair<string, object?>[]? masked = null;
        for (int i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            if (value is null) continue;
            string text = Text(value);
            string hidden = PiiMasker.Mask(text);
            if (hidden == text) continue;
            masked ??= values.ToArray();
            masked[i] = new KeyValuePair<string, object?>(key, hidden);
        }
        return masked;
    }

    /// <summary>A scope's state masked, or null when it holds nothing to mask.</summary>
    public static object? MaskScope(object state)
    {
        if (state is string s) return PiiMasker.Mask(s) is var hidden && hidden != s ? hidden : null;
        if (state is IEnumerable<KeyValuePair<string, object?>>)
        {
            var values = MaskValues(state);
            string text = state.ToString() ?? "";
            string hiddenText = PiiMasker.Mask(text);
            return values is null && hiddenText == text ? null : new MaskedLogState(hiddenText, values ?? ValuesOf(state));
        }
        string other = Text(state);
        return PiiMasker.Mask(other) is var masked && masked != other ? masked : null;
    }

    /// <summary>A value as a message shows it (sequences as their items joined by ", ").</summary>
    private static string Text(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => i is null ? "(null)" : Text(i))),
        _ => value.ToString() ?? "",
    };
}
