namespace Pilgi.Cli.Terminal;

/// <summary>
/// Options (<c>--name value</c>, <c>--name=value</c>, <c>--flag</c>) and positional arguments of one command line. A
/// word starting with a single '-' is an option no command has (they all spell theirs with two).
/// </summary>
public sealed class ArgumentList
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lacking = new(StringComparer.Ordinal);

    public ArgumentList(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                string name = eq > 0 ? a[..eq] : a;
                string? value = eq > 0 ? a[(eq + 1)..] : null;
                if (value is null && !flags.Contains(name))
                {
                    // told when the command asks for it: an unknown option is reported as unknown, not as lacking a value
                    if (i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal)) _lacking.Add(name);
                    else value = list[++i];
                }
                if (!_options.TryGetValue(name, out var values)) _options[name] = values = [];
                values.Add(value ?? "true");
            }
            else if (a.StartsWith('-') && a.Length > 1)
            {
                throw new UsageException($"Unknown option {a}.");
            }
            else
            {
                Positionals.Add(a);
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public string? Get(string name)
    {
        _used.Add(name);
        if (_lacking.Contains(name)) throw new UsageException($"{name} needs a value.");
        return _options.TryGetValue(name, out var v) ? v[^1] : null;
    }

    /// <summary>Every value of an option given more than once, in order (none: empty).</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : [];
    }

    public bool Flag(string name) => Get(name) is { } v && v != "false";

    public int GetInt(string name, int fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, out var n) && n > 0 ? n : throw new UsageException($"{name} must be a positive whole number, not '{v}'.");
    }

    /// <summary>Throws for a command that takes no positional arguments but was given some (never silently ignored).</summary>
    /// <param name="hint">What the user may have meant, e.g. "the data goes after --data".</param>
    public void RejectPositionals(string? hint = null)
    {
        if (Positionals.Count > 0)
            throw new UsageException($"Unexpected argument '{Positionals[0]}'{(hint is null ? "" : "; " + hint)}.");
    }

    /// <summary>Throws for options nobody asked for (typos should not be silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option {string.Join(", ", unknown)}.");
    }
}

public sealed class UsageException(string message) : Exception(message);
