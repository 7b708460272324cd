using System.Globalization;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Reads the text values of one path-settings block: kebab-case keys, durations with a unit (<c>500ms</c>,
/// <c>30s</c>, <c>1.5s</c>, <c>2m</c>, <c>1m30s</c>), plain numbers, <c>yes</c>/<c>no</c> flags and named choices.
/// Every problem is a <see cref="PathSettingException"/> naming the block, the key and what was expected.
/// </summary>
internal sealed class SettingValues
{
    private const string DurationExample = "e.g. 500ms, 30s, 1.5s, 2m, 1m30s";

    private static readonly (string Unit, long Nanoseconds)[] DurationUnits =
    [
        ("ns", 1),
        ("us", SimDuration.NanosecondsPerMicrosecond),
        ("ms", SimDuration.NanosecondsPerMillisecond),
        ("s", SimDuration.NanosecondsPerSecond),
        ("m", 60 * SimDuration.NanosecondsPerSecond),
        ("h", 3600 * SimDuration.NanosecondsPerSecond),
    ];

    private readonly string _path;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _values;

    /// <summary>Checks every key against <paramref name="allowedKeys"/> (and for duplicates) up front.</summary>
    public SettingValues(string path, IReadOnlyList<KeyValuePair<string, string>>? values, IReadOnlyList<string> allowedKeys)
    {
        _path = path;
        _values = values ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in _values)
        {
            if (!allowedKeys.Contains(key))
            {
                throw new PathSettingException(path, key, $"{path}: unknown key '{key}'; allowed keys: {string.Join(", ", allowedKeys)}");
            }

            if (!seen.Add(key))
            {
                throw new PathSettingException(path, key, $"{path}: key '{key}' is given twice");
            }
        }
    }

    /// <summary>A duration with a unit, or <paramref name="fallback"/> when the key is absent.</summary>
    public SimDuration Duration(string key, SimDuration fallback, bool allowZero = false)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        var value = ParseDuration(text) ?? throw Problem(key, $"expected a duration with a unit ({DurationExample}); found '{text}'");
        if (value.Nanoseconds == 0 && !allowZero)
        {
            throw Problem(key, $"expected a duration greater than zero; found '{text}'");
        }

        return value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or the fallback.</summary>
    public double Number(string key, double fallback, double min, double max)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Problem(key, $"expected a number; found '{text}'");
        }

        if (value < min || value > max)
        {
            throw Problem(key, $"expected a number from {Format(min)} to {Format(max)}; found '{text}'");
        }

        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or the fallback.</summary>
    public int WholeNumber(string key, int fallback, int min, int max)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Problem(key, $"expected a whole number from {min} to {max}; found '{text}'");
        }

        return value;
    }

    /// <summary><c>yes</c>/<c>no</c> (or <c>true</c>/<c>false</c>), or the fallback.</summary>
    public bool Flag(string key, bool fallback)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "yes" or "true" or "on" => true,
            "no" or "false" or "off" => false,
            _ => throw Problem(key, $"expected yes or no; found '{text}'"),
        };
    }

    /// <summary>One of named choices, or the fallback.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyList<(string Name, T Value)> choices)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var names = string.Join(", ", choices.Select(c => c.Name));
        throw Problem(key, $"expected one of {names}; found '{text}'");
    }

    /// <summary>An engine and version (<c>valkey-9.0</c>, <c>redis-oss-7.1</c>), or the fallback.</summary>
    public EngineVersion Engine(string key, EngineVersion fallback)
    {
        if (!TryGet(key, out var text))
        {
            return fallback;
        }

        return EngineVersion.TryParse(text, out var version)
            ? version
            : throw Problem(key, $"expected an engine and version such as valkey-9.0 or redis-oss-7.1; found '{text}'");
    }

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>1.5s</c>, <c>1m30s</c>; null when the text is not a duration with units.</summary>
    internal static SimDuration? ParseDuration(string text)
    {
        var body = text.Trim();
        if (body.Length == 0)
        {
            return null;
        }

        decimal total = 0;
        int i = 0;
        while (i < body.Length)
        {
            int start = i;
            while (i < body.Length && (char.IsAsciiDigit(body[i]) || body[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(body[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            int unitStart = i;
            while (i < body.Length && char.IsAsciiLetter(body[i]))
            {
                i++;
            }

            var unit = body[unitStart..i].ToLowerInvariant();
            long scale = 0;
            foreach (var (name, nanoseconds) in DurationUnits)
            {
                scale = name == unit ? nanoseconds : scale;
            }

            if (scale == 0)
            {
                return null;
            }

            total += amount * scale;
            if (total > long.MaxValue / 2)
            {
                return null;
            }
        }

        return total == decimal.Truncate(total) ? SimDuration.FromNanoseconds((long)total) : null;
    }

    private bool TryGet(string key, out string text)
    {
        foreach (var (k, v) in _values)
        {
            if (k == key)
            {
                text = v ?? "";
                return true;
            }
        }

        text = "";
        return false;
    }

    private PathSettingException Problem(string key, string what) => new(_path, key, $"{_path}.{key}: {what}");

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
