using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim validate</c>.</summary>
[Verb("validate", HelpText = "Check a scenario file without running it: 'ok: <name> (...)' or every problem as "
    + "file:line:col: message.")]
internal sealed class ValidateVerb : Help.IExtraArguments
{
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "one scenario file";

    [Value(0, MetaName = "file", Required = true, HelpText = "The scenario YAML file.")]
    public string File { get; set; } = "";

    [Usage(ApplicationAlias = "rfsim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Check a scenario you are writing", new ValidateVerb { File = "scenarios/my-scenario.yaml" }),
    ];
}
