using CommandLine;
using CommandLine.Text;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>Options of <c>rfsim merge</c>.</summary>
[Verb("merge", HelpText = "Combine the partial results of 'rfsim sweep --shard i/n' (one folder per shard, every shard "
    + "once) into exactly the output one 'rfsim sweep' would have written.")]
internal sealed class MergeVerb
{
    [Value(0, MetaName = "partial folders", Required = true,
        HelpText = "The shards' output folders (each holds sweep-partial.json), in any order.")]
    public IEnumerable<string> Folders { get; set; } = [];

    [Option("out", MetaValue = "DIR", HelpText = "Output folder. Default: out/<scenario-name>-sweep/. Written atomically.")]
    public string? Out { get; set; }

    [Option('q', "quiet", HelpText = "Print only the table.")]
    public bool Quiet { get; set; }

    [Option("no-charts", HelpText = "Skip the charts.")]
    public bool NoCharts { get; set; }

    [Usage(ApplicationAlias = "rfsim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Merge eight shards into one sweep", new MergeVerb { Folders = ["part-0", "part-1", "...", "part-7"], Out = "sweep" }),
    ];
}
