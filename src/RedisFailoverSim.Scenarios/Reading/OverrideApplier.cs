using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>
/// Writes overrides into the parsed tree before it is read, so an overridden value is validated exactly like
/// one written in the file. Missing mappings along the way are created; list items must already exist.
/// </summary>
internal static partial class OverrideApplier
{
    public static void Apply(YamlMappingNode root, IReadOnlyList<ScenarioOverride> overrides, ScenarioDocument document)
    {
        foreach (var setting in overrides)
        {
            if (Apply(root, setting, document) is { } problem)
            {
                document.Report($"override {setting.Key}={setting.Value}: {problem}");
            }
        }
    }

    /// <summary>Sets one value; returns a problem, or null when it was set.</summary>
    private static string? Apply(YamlMappingNode root, ScenarioOverride setting, ScenarioDocument document)
    {
        var steps = new List<object>();
        foreach (var segment in setting.Key.Split('.'))
        {
            var match = SegmentPattern().Match(segment);
            if (!match.Success)
            {
                return $"expected a key like sentinel.quorum or faults[0].duration; found the part '{segment}'";
            }

            steps.Add(match.Groups[1].Value);
            steps.AddRange(match.Groups[2].Captures.Select(c => (object)int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        YamlNode current = root;
        var walked = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var isLast = i == steps.Count - 1;
            switch (steps[i], current)
            {
                case (string key, YamlMappingNode mapping):
                    // Nodes the override creates have no place in the file: their problems name the override.
                    var keyNode = new YamlScalarNode(key);
                    document.MarkOverridden(keyNode, setting);
                    if (isLast)
                    {
                        var value = new YamlScalarNode(setting.Value);
                        document.MarkOverridden(value, setting);
                        mapping.Children[keyNode] = value;
                        return null;
                    }

                    if (!mapping.Children.TryGetValue(keyNode, out var next))
                    {
                        if (steps[i + 1] is int)
                        {
                            return $"'{Join(walked, key)}' is not in the file, so it has no item to change";
                        }

                        next = new YamlMappingNode();
                        document.MarkOverridden(next, setting);

                        mapping.Children[keyNode] = next;
                    }

                    current = next;
                    walked = Join(walked, key);
                    break;
                case (int index, YamlSequenceNode sequence):
                    if (index >= sequence.Children.Count)
                    {
                        return $"'{walked}' has {sequence.Children.Count} item(s), so there is no [{index}]";
                    }

                    if (isLast)
                    {
                        var value = new YamlScalarNode(setting.Value);
                        document.MarkOverridden(value, setting);
                        sequence.Children[index] = value;
                        return null;
                    }

                    current = sequence.Children[index];
                    walked += $"[{index}]";
                    break;
                default:
                    var expected = steps[i] is int ? "a list" : "a mapping";
                    return $"'{(walked.Length == 0 ? "top level" : walked)}' is not {expected} in the file";
            }
        }

        return null;
    }

    private static string Join(string walked, string key) => walked.Length == 0 ? key : $"{walked}.{key}";

    [GeneratedRegex(@"^([A-Za-z0-9_-]+)(?:\[(\d{1,6})\])*$")]
    private static partial Regex SegmentPattern();
}
