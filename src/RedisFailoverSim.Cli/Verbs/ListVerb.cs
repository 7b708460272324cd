using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim list</c>.</summary>
[Verb("list", HelpText = "List the bundled scenarios. One line each, from the scenarios/ folder of the repository or of the "
    + "installed tool; run one by its name.")]
internal sealed class ListVerb : Help.IExtraArguments
{
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "no arguments";

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Show the bundled scenarios", "rfsim list"),
        new("Then run one of them by name", "rfsim run primary-crash"),
    ];
}
