using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios.Reading;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// What <c>rfsim explain &lt;topic&gt;</c> can be asked about besides a path: an assumption by id (<c>A33</c>), a
/// client library (<c>lettuce</c>) or a scenario key (<c>client.reconnect-base</c>, or just <c>reconnect-base</c>).
/// Topics match whatever the case and punctuation (<c>a33</c>, <c>reconnect_base</c>); keys are printed in the
/// loader's spelling, the one a scenario file uses.
/// </summary>
internal static class ExplainTopics
{
    /// <summary>A topic as the user might type it, reduced to lower-case letters and digits.</summary>
    public static string Normalize(string topic) =>
        string.Concat(topic.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    /// <summary>The path named by <paramref name="topic"/>, or null.</summary>
    public static string? Path(string topic) => DeploymentPaths.All.FirstOrDefault(p => Normalize(p) == Normalize(topic));

    /// <summary>The assumption whose id is <paramref name="topic"/>, or null.</summary>
    public static Assumption? Assumption(string topic) => Assumptions.All.FirstOrDefault(a => Normalize(a.Id) == Normalize(topic));

    /// <summary>The client library whose id is <paramref name="topic"/>, or null.</summary>
    public static ClientLibrary? Library(string topic) => ClientLibraries.All.FirstOrDefault(l => Normalize(l.Id) == Normalize(topic));

    /// <summary>The fault kind (<c>log-brownout</c>) named by <paramref name="topic"/>, in the scenario file's spelling, or null.</summary>
    public static string? FaultKind(string topic) =>
        RedisFailoverSim.Scenarios.FaultKinds.Names.FirstOrDefault(k => Normalize(k) == Normalize(topic));

    /// <summary>The assumptions whose text names the fault kind <paramref name="kind"/> as a whole word, in id order.</summary>
    public static IReadOnlyList<Assumption> NamingFaultKind(string kind) =>
        Assumptions.All.Where(a => System.Text.RegularExpressions.Regex.IsMatch(
            a.Text, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(kind)}(?![\w-])")).ToList();

    /// <summary>
    /// The scenario key <paramref name="topic"/> names, in full (<c>client.reconnect-base</c>) or by its last part
    /// (<c>reconnect-base</c>) when only one section has it; null when none does.
    /// </summary>
    public static string? Key(string topic)
    {
        var wanted = Normalize(topic);
        var keys = Keys();
        return keys.FirstOrDefault(k => Normalize(k) == wanted)
            ?? (keys.Where(k => Normalize(Leaf(k)) == wanted).ToList() is [var only] ? only : null);
    }

    /// <summary>
    /// Every scenario key a default (the model's or an AWS path's) or an assumption names (<c>a / b</c> split, a bare
    /// part inheriting the section); a wildcard such as <c>redis.*</c> names no one key and is left out.
    /// </summary>
    public static IReadOnlyList<string> Keys() =>
        ModelDefaults.All.Select(d => d.Parameter)
            .Concat(AwsPathDefaults.All.Select(d => d.Parameter))
            .Concat(Assumptions.All.Select(a => a.Parameter))
            .OfType<string>()
            .Where(IsScenarioKey)
            .Where(p => !p.Contains('*', StringComparison.Ordinal))
            .SelectMany(Split)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// True for a parameter that names scenario keys (<c>section.key</c>), false for one that names something else,
    /// such as an entry of the price table (<c>prices memorydb-node</c>).
    /// </summary>
    public static bool IsScenarioKey(string parameter) =>
        parameter.Contains('.', StringComparison.Ordinal) && !parameter.Replace(" / ", "", StringComparison.Ordinal).Contains(' ', StringComparison.Ordinal);

    /// <summary><c>network.same-az-median / cross-az-median</c> → <c>network.same-az-median</c>, <c>network.cross-az-median</c>.</summary>
    public static IEnumerable<string> Split(string parameter)
    {
        string? section = null;
        foreach (var part in parameter.Split(" / ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = part.IndexOf('.', StringComparison.Ordinal);
            section = dot > 0 ? part[..dot] : section;
            yield return dot > 0 || section is null ? part : $"{section}.{part}";
        }
    }

    /// <summary>The closest topic to <paramref name="topic"/>, for "did you mean", or null.</summary>
    public static string? Closest(string topic)
    {
        var all = DeploymentPaths.All.Append("client")
            .Concat(ClientLibraries.Ids)
            .Concat(Assumptions.All.Select(a => a.Id))
            .Concat(Keys())
            .Concat(Keys().Select(Leaf))
            .Concat(RedisFailoverSim.Scenarios.FaultKinds.Names)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Suggestions.Closest(topic, all);
    }

    private static string Leaf(string key) => key[(key.LastIndexOf('.') + 1)..];
}
