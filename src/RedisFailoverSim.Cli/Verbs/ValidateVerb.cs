using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim validate</c>.</summary>
[Verb("validate", HelpText = "Check a scenario file without running it. Prints 'ok: <name> (...)' or every problem as "
    + "file:line:col: message.")]
internal sealed class ValidateVerb : Help.IExtraArguments
{
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "one scenario file";

    [Value(0, MetaName = "file", Required = true, HelpText = "The scenario YAML file.")]
    public string File { get; set; } = "";

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Check a bundled scenario (a copy of it is where to start your own)", "rfsim validate scenarios/primary-crash.yaml"),
        new("Check the Jepsen 2013 split brain", "rfsim validate scenarios/az-partition-split-brain.yaml"),
    ];
}
