using CommandLine;

namespace RedisFailoverSim.Cli.Verbs;

/// <summary>Options of <c>rfsim decide</c>.</summary>
[Verb("decide", HelpText = "Recommend a path and say what it costs. Simulate the scenario on every path, price a month of its "
    + "month: section, walk the four questions (lose acknowledged writes? steady or bursty? SRE capacity? cost-sensitive "
    + "with the engineer-time math?) with the run's numbers, print the recommended path, the runner-up, the evidence, the "
    + "'don't' rules that apply and each practitioners' claim checked; write decision.md, results.json, cost.csv and the "
    + "durability-versus-cost and break-even charts.")]
internal sealed class DecideVerb
{
    [Value(0, MetaName = "scenario", Required = true,
        HelpText = "A scenario with a month: section (file or bundled name, e.g. workload-a-steady-50gb).")]
    public string Scenario { get; set; } = "";

    [Option("seed", MetaValue = "N", HelpText = "First seed. Default: the scenario's seed:, else 42.")]
    public ulong? Seed { get; set; }

    [Option("runs", MetaValue = "N", Default = 1, HelpText = "Seeds to run (N, N+1, …): the losses get a 95% confidence interval.")]
    public int Runs { get; set; } = 1;

    [Option("prices", MetaValue = "FILE", HelpText = "Price table (format of the bundled prices/us-east-1.yaml). Default: bundled us-east-1.")]
    public string? Prices { get; set; }

    [Option("out", MetaValue = "DIR", HelpText = "Output folder. Default: out/<scenario-name>-decide/.")]
    public string? Out { get; set; }

    [Option("tolerates-loss", MetaValue = "yes|no", HelpText = "Q1: can losing acknowledged writes be tolerated? Default: the scenario's decide:, else no.")]
    public string? ToleratesLoss { get; set; }

    [Option("sre", MetaValue = "yes|no", HelpText = "Q3: dedicated SRE / platform capacity? Default: decide:, else no.")]
    public string? Sre { get; set; }

    [Option("cost-sensitive", MetaValue = "yes|no", HelpText = "Q4: is cost sensitivity high? Default: decide:, else no.")]
    public string? CostSensitive { get; set; }

    [Option("engineer-cost", MetaValue = "USD", HelpText = "Engineer time self-hosting adds, US dollars a month (the practitioners say "
        + "$2,000-$5,000 for a small team). Default: decide:, else 3500.")]
    public double? EngineerCost { get; set; }

    /// <summary>The worked examples of its help.</summary>
    public static IReadOnlyList<Help.VerbExample> Examples { get; } =
    [
        new("Decide for workload A (steady 50 GB)", "rfsim decide workload-a-steady-50gb"),
        new("Workload C over 10 seeds, loss not tolerated", "rfsim decide workload-c-durable-orders --runs 10 --tolerates-loss no"),
    ];
}
