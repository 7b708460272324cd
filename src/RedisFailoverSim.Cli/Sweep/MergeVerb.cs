using CommandLine;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>Options of <c>rfsim merge</c>.</summary>
[Verb("merge", HelpText = "Combine the shards of 'rfsim sweep --shard i/n' into one sweep. One folder per shard, every shard "
    + "once; the result is exactly the output one 'rfsim sweep' would have written.")]
internal sealed class MergeVerb
{
    [Value(0, MetaName = "partial folders", Required = true,
        HelpText = "The shards' output folders (each holds sweep-partial.json), in any order.")]
    public IEnumerable<string> Folders { get; set; } = [];

    [Option("out", MetaValue = "DIR", HelpText = "Output folder. Default: out/<scenario-name>-sweep/. Written atomically.")]
    public string? Out { get; set; }

    [Option('q', "quiet", HelpText = "Print only the table: no progress, no file list.")]
    public bool Quiet { get; set; }

    [Option("no-charts", HelpText = "Skip the charts; sweep.json, sweep.csv, replications.csv and the report are always written.")]
    public bool NoCharts { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Run shard 0 of 2 of a sweep (a batch task each, or one after another here)", "rfsim sweep primary-crash --runs 100 --shard 0/2 --out part-0"),
        new("Merge the two shards into the sweep one 'rfsim sweep primary-crash --runs 100' would have written", "rfsim merge part-0 part-1 --out sweep"),
    ];
}
