using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Reporting.Explain;
using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>What <c>rfsim explain A33</c> and <c>rfsim explain reconnect-base</c> print.</summary>
internal static class TopicExplanation
{
    private const int Width = ModelExplanation.Width;

    /// <summary>One assumption: its text, the paths it applies to, its default and the key that changes it.</summary>
    public static void Assumption(TextWriter output, Assumption assumption)
    {
        var title = $"assumption {assumption.Id} (paths: {assumption.Paths})";
        output.WriteLine(title);
        output.WriteLine(new string('=', title.Length));
        foreach (var line in TextWrap.Lines(assumption.Text, Width))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine($"default: {assumption.DefaultValue}");
        output.WriteLine(assumption.Parameter switch
        {
            null => "scenario key: none (fixed)",
            var p when ExplainTopics.IsScenarioKey(p) => "scenario key: " + string.Join(", ", ExplainTopics.Split(p)),
            var p => "set by: " + p,
        });
    }

    /// <summary>One fault kind: how a scenario names it and the assumptions that say what the model does with it.</summary>
    public static void FaultKind(TextWriter output, string kind, IReadOnlyList<Assumption> naming)
    {
        var title = $"fault kind {kind}";
        output.WriteLine(title);
        output.WriteLine(new string('=', title.Length));
        output.WriteLine($"In a scenario file: faults: [ {{ kind: {kind}, at: <time>, ... }} ] (scenarios/README.md, Faults)");
        output.WriteLine();
        if (naming.Count == 0)
        {
            output.WriteLine("No assumption names it: what it does is in scenarios/README.md and docs/sources.md.");
            return;
        }

        output.WriteLine($"Assumptions that name it ({naming.Count}):");
        foreach (var a in naming)
        {
            output.WriteLine(TextWrap.Hanging($"  {a.Id}: ", a.Text, Width));
            output.WriteLine(TextWrap.Hanging("      ", $"default {a.DefaultValue}; paths {a.Paths}", Width));
        }
    }

    /// <summary>One scenario key: every default and assumption it sets, with their sources.</summary>
    public static void Key(TextWriter output, string key, IReadOnlyList<ModelDefault> defaults, IReadOnlyList<Assumption> assumptions)
    {
        var title = $"scenario key {key}";
        output.WriteLine(title);
        output.WriteLine(new string('=', title.Length));
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        output.WriteLine(dot > 0
            ? $"In a scenario file: {key[..dot]}: {{ {key[(dot + 1)..]}: <value> }}"
            : $"In a scenario file: {key}: <value>");
        var setting = defaults.Where(d => d.Parameter is { } p && ExplainTopics.Split(p).Contains(key)).ToList();
        if (setting.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Defaults it changes:");
            foreach (var d in setting)
            {
                output.WriteLine(TextWrap.Hanging($"  {d.Name}: ", d.Value, Width));
                output.WriteLine(TextWrap.Hanging("      ", $"paths {d.Paths}; source {d.Source}", Width));
            }
        }

        var assuming = assumptions.Where(a => a.Parameter is { } p && ExplainTopics.Split(p).Contains(key)).ToList();
        if (assuming.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Assumptions it changes:");
            foreach (var a in assuming)
            {
                output.WriteLine(TextWrap.Hanging($"  {a.Id}: ", a.Text, Width));
                output.WriteLine(TextWrap.Hanging("      ", $"default {a.DefaultValue}; paths {a.Paths}", Width));
            }
        }

        if (key.StartsWith("client.", StringComparison.Ordinal))
        {
            output.WriteLine();
            output.WriteLine("Each client library's profile sets it too: rfsim explain client <library>.");
        }
    }
}
