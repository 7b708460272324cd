using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim list</c>.</summary>
[Verb("list", HelpText = "List the bundled scenarios (the scenarios/ folder of the repository or of the "
    + "installed tool) with one line each.")]
internal sealed class ListVerb : Help.IExtraArguments
{
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "no arguments";

    [Usage(ApplicationAlias = "rfsim")]
    public static IEnumerable<Example> Examples => [new("Show the bundled scenarios", new ListVerb())];
}
