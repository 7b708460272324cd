using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim plots</c>.</summary>
[Verb("plots", HelpText = "Regenerate the chart gallery (the repository's plots/ folder): run every bundled scenario with "
    + "its seed on the paths available, save its most telling chart(s) as PNG and a README listing them.")]
internal sealed class PlotsVerb : Help.IExtraArguments
{
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "no arguments besides its options";

    [Option("out", MetaValue = "DIR", Default = "plots", HelpText = "The gallery folder. rfsim replaces only the files it wrote there before (listed in its gallery-manifest.json, unchanged).")]
    public string Out { get; set; } = "plots";

    [Usage(ApplicationAlias = "rfsim")]
    public static IEnumerable<Example> Examples => [new("Regenerate plots/ from the repository root", new PlotsVerb())];
}
