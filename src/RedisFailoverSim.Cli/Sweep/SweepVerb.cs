using CommandLine;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>Options of <c>rfsim sweep</c>.</summary>
[Verb("sweep", HelpText = "Run a scenario many times on each path (Monte Carlo), optionally over a grid of settings. "
    + "Replication i is seeded from (seed, i); --vary makes the grid; prints the distributions and write sweep.json, sweep.csv, "
    + "replications.csv and charts. Results are identical for any --parallel.")]
internal sealed class SweepVerb : Help.IExtraArguments
{
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <inheritdoc/>
    public string Takes => "one scenario file or bundled scenario name";

    [Value(0, MetaName = "scenario", Required = true,
        HelpText = "The scenario YAML file, or the name of a bundled scenario (see 'rfsim list').")]
    public string Scenario { get; set; } = "";

    [Option("runs", Required = true, MetaValue = "N", HelpText = "Replications per grid point and path.")]
    public int Runs { get; set; }

    [Option("parallel", MetaValue = "K", HelpText = "Worker threads; each replication runs on one. Default: the "
        + "number of processors. The output is the same bytes for any K.")]
    public int? Parallel { get; set; }

    [Option("seed", MetaValue = "S", HelpText = "Master seed; replication i runs with the seed derived from (S, i), the "
        + "same at every grid point. Default: the scenario's seed:, else 42.")]
    public ulong? Seed { get; set; }

    [Option("paths", Separator = ',', MetaValue = "a,b",
        HelpText = "Only these paths (of the scenario's). Default: every path of the scenario that is available.")]
    public IEnumerable<string> Paths { get; set; } = [];

    [Option("vary", MetaValue = "KEY=FROM..TO:STEPS", HelpText = "Vary a setting over STEPS evenly spaced values, ends "
        + "included (at most twice: a grid). KEY as in the loader's messages: sentinel.down-after-milliseconds, "
        + "faults[0].duration, workload.rate. Durations keep their unit: faults[0].duration=5s..120s:8. Or a list of "
        + "values: KEY=A,B,C (client.library=stackexchange-redis,redis-py,ioredis). Default: one point, the scenario as written.")]
    public IEnumerable<string> Vary { get; set; } = [];

    [Option("shard", MetaValue = "I/N", HelpText = "Run only shard I (from 0) of N: replications I, I+N, I+2N, ... of "
        + "every point and path; write sweep-partial.json for 'rfsim merge'. For batch engines: see "
        + "src/RedisFailoverSim.Cli/Sweep/deploy/README.md. Default: the whole sweep, here.")]
    public string? Shard { get; set; }

    [Option("shards", MetaValue = "N", HelpText = "With --emit: the number of shards, one batch task each. Default: none; --emit needs it.")]
    public int? Shards { get; set; }

    [Option("emit", MetaValue = "TARGET", HelpText = "Do not run the sweep: write the jobs that run its --shards N shards "
        + "and then 'rfsim merge' on a batch engine into --out, and print how to submit them. TARGET: slurm (an "
        + "sbatch array job and a dependent merge job), kubernetes (an Indexed Job and a merge Job), aws-batch (a "
        + "Fargate job definition, an array job and a dependent merge job). See "
        + "src/RedisFailoverSim.Cli/Sweep/deploy/README.md. Default: none, the sweep runs here.")]
    public string? Emit { get; set; }

    [Option("image", MetaValue = "IMAGE", HelpText = "With --emit kubernetes or aws-batch: the container image the pods "
        + "run (built by src/RedisFailoverSim.Cli/Sweep/deploy/Dockerfile). Default: rfsim:<this build's commit>.")]
    public string? Image { get; set; }

    [Option("out", MetaValue = "DIR", HelpText = "Output folder. Default: out/<scenario-name>-sweep/ (with --shard: "
        + "out/<scenario-name>-sweep-shard-I-of-N/; with --emit: out/<scenario-name>-sweep-TARGET/, the job folder). "
        + "Written atomically; an earlier sweep folder there is replaced.")]
    public string? Out { get; set; }

    [Option('q', "quiet", HelpText = "Print only the table: no progress, no header, no file list.")]
    public bool Quiet { get; set; }

    [Option("no-charts", HelpText = "Skip the charts; sweep.json, sweep.csv, replications.csv and the report (report.md, report.html) are always written.")]
    public bool NoCharts { get; set; }

    [Option("force", HelpText = "Run even when the estimate (printed) says it takes more than 10 minutes or more than 80% of "
        + "this machine's memory; without it such a run is refused before it starts.")]
    public bool Force { get; set; }

    [Option("audit", HelpText = "Run every replication with the exact per-write ledger and check the compact "
        + "accounting against it (a disagreement stops the sweep with exit 3 and the replay command). The numbers are "
        + "the same either way; it costs memory and time in proportion to the writes of each replication, times "
        + "--parallel. Use it after changing the model, or to double-check a sweep before you publish it.")]
    public bool Audit { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("1000 replications of the Jepsen split brain on 2 cores", "rfsim sweep az-partition-split-brain --runs 1000 --parallel 2"),
        new("Acknowledged loss against partition duration, 100 runs per point", "rfsim sweep az-partition-split-brain --runs 100 --vary faults[0].duration=5s..120s:8"),
        new("Three client libraries against the same crash, 20 runs each", "rfsim sweep primary-crash --runs 20 --vary client.library=redis-py,lettuce,ioredis"),
    ];
}
