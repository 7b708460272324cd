using RedisFailoverSim.Engine.Time;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// Reads one YAML mapping whose keys are known in advance. Unknown keys are reported when it is made (with the
/// allowed keys and a "did you mean"); every typed getter reports a bad value and returns null, so reading goes
/// on and the file's problems are collected together.
/// </summary>
internal sealed class MappingReader
{
    private readonly ScenarioDocument _document;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public MappingReader(ScenarioDocument document, YamlMappingNode node, string path, IReadOnlyList<string> allowedKeys)
    {
        _document = document;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                document.Report(key, $"{Label}: expected a plain key; found {Describe(key)}");
                continue;
            }

            if (!allowedKeys.Contains(name))
            {
                var home = ScenarioKeys.HomeOf(name, path) is { } section && !allowedKeys.Contains(section)
                    ? $"; '{name}' belongs under '{section}:'"
                    : Suggestions.DidYouMean(name, allowedKeys);
                document.Report(key, $"{Label}: unknown key '{name}'; allowed: {string.Join(", ", allowedKeys)}{home}");
                continue;
            }

            _entries[name] = (key, value);
        }
    }

    /// <summary>The mapping read.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Where it is, in <c>--vary</c> key syntax: <c>faults[1]</c>, <c>sentinel</c>; empty at the top.</summary>
    public string Path { get; }

    /// <summary><see cref="Path"/>, or "top level".</summary>
    public string Label => Path.Length == 0 ? "top level" : Path;

    /// <summary>The path of one key, e.g. <c>faults[1].duration</c>.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>True when the key is present (with any value).</summary>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value node of a key, or null when absent.</summary>
    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The key node itself (for messages about the key), or null when absent.</summary>
    public YamlNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>Reports a problem at a key's value (or at the mapping when the key is absent).</summary>
    public void Report(string key, string message) => _document.Report(Get(key) ?? Node, $"{PathOf(key)}: {message}");

    /// <summary>Reports that a required key is missing.</summary>
    public void ReportMissing(string key, string what) =>
        _document.Report(Node, $"{Label}: missing '{key}' ({what})");

    /// <summary>A nested mapping, or null when absent or not a mapping (reported).</summary>
    public MappingReader? Mapping(string key, IReadOnlyList<string> allowedKeys, bool required = false)
    {
        switch (Get(key))
        {
            case null:
                if (required)
                {
                    ReportMissing(key, "a mapping");
                }

                return null;
            case YamlMappingNode mapping:
                return new MappingReader(_document, mapping, PathOf(key), allowedKeys);
            case var other:
                Report(key, $"expected a mapping of keys ({string.Join(", ", allowedKeys)}); found {Describe(other)}");
                return null;
        }
    }

    /// <summary>A list, or null when absent or not a list (reported).</summary>
    public YamlSequenceNode? Sequence(string key, string what, bool required = false)
    {
        switch (Get(key))
        {
            case null:
                if (required)
                {
                    ReportMissing(key, what);
                }

                return null;
            case YamlSequenceNode sequence:
                return sequence;
            case var other:
                Report(key, $"expected {what}; found {Describe(other)}");
                return null;
        }
    }

    /// <summary>A non-null scalar's text, or null when absent or not a scalar (reported).</summary>
    public string? Scalar(string key, string what, bool required = false)
    {
        switch (Get(key))
        {
            case null:
                if (required)
                {
                    ReportMissing(key, what);
                }

                return null;
            case YamlScalarNode { Value: { } text } scalar when !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && ScalarText.IsNull(text)):
                return text;
            case var other:
                Report(key, $"expected {what}; found {Describe(other)}");
                return null;
        }
    }

    /// <summary>A piece of text matching a rule, or null (reported).</summary>
    public string? Text(string key, string what, bool required = false, Func<string, bool>? isValid = null)
    {
        var text = Scalar(key, what, required);
        if (text is not null && isValid is not null && !isValid(text))
        {
            Report(key, $"expected {what}; found '{text}'");
            return null;
        }

        return text;
    }

    /// <summary>A duration with units, at least zero or strictly positive.</summary>
    public SimDuration? Duration(string key, bool required = false, bool allowZero = false, DurationLimit? max = null)
    {
        var text = Scalar(key, "a duration with a unit, e.g. 500ms, 30s, 2m", required);
        if (text is null)
        {
            return null;
        }

        var value = ScalarText.Duration(text, out var problem);
        if (value is null)
        {
            Report(key, problem!);
            return null;
        }

        if (!allowZero && value.Value <= SimDuration.Zero)
        {
            Report(key, $"expected a duration greater than zero; found '{text}'");
            return null;
        }

        if (max is { } limit && value.Value > limit.Value)
        {
            Report(key, $"expected at most {limit.Text} ({limit.Why}); found '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>A whole number within bounds.</summary>
    public long? Integer(string key, long min, long max, bool required = false, string unit = "")
    {
        var what = unit.Length == 0 ? "a whole number" : $"a whole number of {unit}";
        var text = Scalar(key, what, required);
        if (text is null)
        {
            return null;
        }

        var value = ScalarText.Integer(text, out _);
        if (value is null)
        {
            Report(key, $"expected {what}; found '{text}'{ImpliedUnitHint(text, unit)}");
            return null;
        }

        if (value < min || value > max)
        {
            var range = max is long.MaxValue or int.MaxValue ? $", at least {min}" : $" from {min} to {max}";
            Report(key, $"expected {what}{range}; found {value}");
            return null;
        }

        return value;
    }

    /// <summary>A number greater than a bound (or at least the bound when <paramref name="inclusive"/>).</summary>
    public double? Number(string key, double bound, bool inclusive, bool required = false, Limit? max = null)
    {
        var text = Scalar(key, "a number", required);
        if (text is null)
        {
            return null;
        }

        var value = ScalarText.Number(text, out var problem);
        if (value is null)
        {
            Report(key, problem!);
            return null;
        }

        if (inclusive ? value < bound : value <= bound)
        {
            var relation = inclusive ? ", at least" : " greater than";
            Report(key, $"expected a number{relation} {bound.ToString(System.Globalization.CultureInfo.InvariantCulture)}; found {text.Trim()}");
            return null;
        }

        if (max is { } limit && value > limit.Value)
        {
            Report(key, $"expected at most {limit.Text} ({limit.Why}); found {text.Trim()}");
            return null;
        }

        return value;
    }

    /// <summary>A size in bytes, greater than zero (or zero when allowed) and at most <paramref name="max"/>.</summary>
    public long? Size(string key, long max = long.MaxValue, bool required = false, bool allowZero = false, string? why = null)
    {
        var text = Scalar(key, "a size in bytes, e.g. 512, 100kb, 1mb", required);
        if (text is null)
        {
            return null;
        }

        var value = ScalarText.Size(text, out var problem);
        if (value is null)
        {
            Report(key, problem!);
            return null;
        }

        if (value < (allowZero ? 0 : 1) || value > max)
        {
            var range = max == long.MaxValue ? "greater than zero" : $"from 1 to {max} bytes";
            Report(key, $"expected a size {range}{(why is null ? "" : $" ({why})")}; found '{text}'");
            return null;
        }

        return value;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool? Boolean(string key, bool required = false)
    {
        var text = Scalar(key, "true or false", required);
        if (text is null)
        {
            return null;
        }

        var value = ScalarText.Boolean(text, out var problem);
        if (value is null)
        {
            Report(key, problem!);
        }

        return value;
    }

    /// <summary>For a vendor key with an implied unit given a duration (<c>5s</c>), the number to write instead.</summary>
    private static string ImpliedUnitHint(string text, string unit)
    {
        var nanosecondsPerUnit = unit switch
        {
            "milliseconds" => SimDuration.NanosecondsPerMillisecond,
            "seconds" => SimDuration.NanosecondsPerSecond,
            _ => 0,
        };
        if (nanosecondsPerUnit == 0 || ScalarText.Duration(text, out _) is not { } duration
            || duration.Nanoseconds % nanosecondsPerUnit != 0)
        {
            return "";
        }

        return $"; the unit is {unit}, as in the vendor's config file: write {duration.Nanoseconds / nanosecondsPerUnit}";
    }

    /// <summary>How a node reads in "found …": <c>'text'</c>, <c>a list</c>, <c>a mapping</c>, <c>nothing</c>.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && ScalarText.IsNull(text) => "nothing",
        YamlScalarNode { Value: { } text } => $"'{text}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "nothing",
    };
}
