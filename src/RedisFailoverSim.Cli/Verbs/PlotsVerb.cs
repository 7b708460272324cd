using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim plots</c>.</summary>
[Verb("plots", HelpText = "Regenerate the chart gallery (the repository's plots/ folder). Run every bundled scenario with "
    + "its seed on the paths available, save its most telling chart(s) as PNG and a README listing them.")]
internal sealed class PlotsVerb : Help.IExtraArguments
{
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "no arguments besides its options";

    [Option("out", MetaValue = "DIR", Default = "plots", HelpText = "The gallery folder. rfsim replaces only the files it wrote there before (listed in its gallery-manifest.json, unchanged).")]
    public string Out { get; set; } = "plots";

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Regenerate plots/ from the repository root", "rfsim plots"),
        new("Write the gallery somewhere else (to compare before replacing plots/)", "rfsim plots --out /tmp/gallery"),
    ];
}
