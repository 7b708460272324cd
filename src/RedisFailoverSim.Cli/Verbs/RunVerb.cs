using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim run</c>.</summary>
[Verb("run", HelpText = "Simulate a scenario on each deployment path. Print the table and the expect: verdicts, "
    + "write results.json and results.csv, the charts (roles, latency, lost-writes, latency-cdf as PNG and SVG) and "
    + "report.md / report.html.")]
internal sealed class RunVerb : Help.IExtraArguments
{
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "one scenario file or bundled scenario name";

    [Value(0, MetaName = "scenario", Required = true,
        HelpText = "The scenario YAML file, or the name of a bundled scenario (see 'rfsim list').")]
    public string Scenario { get; set; } = "";

    [Option("seed", MetaValue = "N", HelpText = "Master seed. Default: the scenario's seed:, else 42. The same scenario and seed "
        + "give byte-identical results.json.")]
    public ulong? Seed { get; set; }

    [Option("out", MetaValue = "DIR", HelpText = "Output folder. Default: out/<scenario-name>/. Written atomically "
        + "(staged in DIR.tmp-*, renamed at the end); an earlier rfsim output folder there is replaced.")]
    public string? Out { get; set; }

    [Option("paths", Separator = ',', MetaValue = "a,b",
        HelpText = "Only these paths (of the scenario's): elasticache, serverless, memorydb, self-hosted. "
        + "Default: every path of the scenario that is available.")]
    public IEnumerable<string> Paths { get; set; } = [];

    [Option('q', "quiet", HelpText = "Print only the results table (errors and failed expectations still go to "
        + "stderr): no progress, no summary.")]
    public bool Quiet { get; set; }

    [Option("no-charts", HelpText = "Skip the charts and report.md/report.html (faster); results.json and results.csv "
        + "are always written.")]
    public bool NoCharts { get; set; }

    [Option("trace", HelpText = "Narrate the run, one line per meaningful event in simulated time, in Sentinel's "
        + "vocabulary (+sdown, +odown, +new-epoch, +vote-for-leader, +elected-leader, +switch-master…) and plain words "
        + "('n1 still primary, acked 412 writes since the partition began'); print it and write trace.txt.")]
    public bool Trace { get; set; }

    [Option("trace-filter", MetaValue = "TEXT",
        HelpText = "With --trace: only a path (self-hosted), the lines that name a node, Sentinel or client (n1, s3, "
        + "c2), or one kind of line (fault, sentinel, node, client, story). Default: every line.")]
    public string? TraceFilter { get; set; }

    [Option("force", HelpText = "Run even when the estimate (printed) says it takes more than 10 minutes or more than 80% of "
        + "this machine's memory; without it such a run is refused before it starts.")]
    public bool Force { get; set; }

    [Option("audit", HelpText = "Keep the exact per-write ledger and check the default compact accounting against it "
        + "(a disagreement stops the run with exit 3); the counts are the same. Costs about 300 bytes per write (2 "
        + "simulated hours at 1,000 writes/s: 2 GB) where the compact accounting stays flat. Use it to verify a "
        + "surprising result or a change to the model. Without it the per-write charts and --trace's counts still keep "
        + "each write's outcome (about 40 bytes a write) for runs up to 5,000,000 writes.")]
    public bool Audit { get; set; }

    [Option("prices", MetaValue = "FILE", HelpText = "Price table for the monthly cost (same format as the bundled "
        + "prices/us-east-1.yaml, where every price names its source and the date it was read). Default: the bundled "
        + "us-east-1 table.")]
    public string? Prices { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("The Jepsen 2013 split brain on the self-hosted path with seed 7", "rfsim run az-partition-split-brain --seed 7 --paths self-hosted"),
        new("A bundled scenario by file, quietly, into a folder of your choice", "rfsim run scenarios/primary-crash.yaml --out results/crash --quiet"),
        new("Follow the old primary n1 through a split brain, in words", "rfsim run az-partition-split-brain --paths self-hosted --trace --trace-filter n1"),
    ];
}
