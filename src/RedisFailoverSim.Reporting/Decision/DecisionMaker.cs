using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Decision;

/// <summary>
/// Walks the practitioners' four questions (issue 15) with the run's numbers: Q1 from the acknowledged writes each
/// path lost under the scenario's faults, Q2 from the month's shape and the two bills it compares, Q3 and Q4 from the
/// team's answers and the engineer-time arithmetic. Where a number contradicts the practitioners' rule, the number
/// wins and the contradiction is said.
/// </summary>
public static partial class DecisionMaker
{
    /// <summary>The recommendation for a month, its costs and the losses of the runs.</summary>
    public static Recommendation Decide(
        IReadOnlyList<PathLoss> losses, IReadOnlyList<PathCost> costs, MonthWorkload month, DecideInputs team, PriceCatalog prices)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(prices);
        var questions = new List<QuestionAnswer>();
        var (recommended, runnerUp) = Walk(losses, costs, month, team, questions);
        return new Recommendation(questions, recommended, runnerUp, DontRules(losses, costs, month, team), Claims(costs, month, prices));
    }

    private static (PathChoice, PathChoice?) Walk(
        IReadOnlyList<PathLoss> losses, IReadOnlyList<PathCost> costs, MonthWorkload month, DecideInputs team, List<QuestionAnswer> questions)
    {
        // Q1: durability. Only a path that lost nothing under these faults can be recommended when loss is not tolerated.
        var lossText = string.Join("; ", losses.Select(Describe));
        if (!team.ToleratesLoss)
        {
            var lossless = losses.Where(l => l.LostMax == 0).Select(l => l.Path).ToList();
            var memoryDb = losses.FirstOrDefault(l => l.Path == DeploymentPaths.MemoryDb);
            string finding;
            PathChoice pick;
            if (memoryDb is { LostMax: 0 })
            {
                var others = lossless.Where(p => p != DeploymentPaths.MemoryDb).ToList();
                finding = others.Count == 0
                    ? "memorydb is the only path that lost no acknowledged write, as the practitioners say"
                    : $"memorydb lost none, and so did {string.Join(", ", others)} under these faults, but those acknowledge before the "
                      + "write is on another AZ (asynchronous replication), so a fault that opens that window loses writes on them; "
                      + "memorydb acknowledges only after a multi-AZ commit";
                pick = Choice(costs, DeploymentPaths.MemoryDb, team);
            }
            else
            {
                var least = losses.OrderBy(l => l.LostMean).ThenBy(l => l.Path, StringComparer.Ordinal).First();
                finding = memoryDb is null
                    ? costs.Any(c => c.Path == DeploymentPaths.MemoryDb && !c.Simulated)
                        ? $"memorydb is priced for this cluster but was not simulated (it did not run for this cluster: scenario, A100), "
                          + $"so nothing here shows what it loses; the least loss was {least.Path}'s"
                        : $"memorydb did not run; the least loss was {least.Path}'s"
                    : $"CONTRADICTS the practitioners: memorydb lost {Numbers.Count(memoryDb.LostMax)} acknowledged writes here; the least loss was {least.Path}'s";
                pick = Choice(costs, least.Path, team);
            }

            questions.Add(new QuestionAnswer(1, Q1, "no", $"{lossText}. {finding}.", Settles: true));
            var second = SecondLeastLoss(losses.Where(l => l.Path != pick.Path).ToList(), costs, team);
            return (pick, second is null ? null : Choice(costs, second.Path, team));
        }

        var pricedOnly = costs.Where(c => !c.Simulated).Select(c => c.Path).ToList();
        var notRun = pricedOnly.Count == 0 ? "" : $" ({string.Join(", ", pricedOnly)}: priced for the same cluster, not simulated, A100)";
        questions.Add(new QuestionAnswer(1, Q1, "yes", $"{lossText}. Loss is tolerated: cost decides among the paths{notRun}.", Settles: false));

        // Q2: the shape. Serverless is chosen for an uneven month only if its bill is below the reserved cluster's.
        var elastiCache = Choice(costs, DeploymentPaths.ElastiCache, team);
        var serverless = Choice(costs, DeploymentPaths.Serverless, team);
        if (month.Shape != MonthShape.Steady)
        {
            var cheaper = serverless.MonthlyUsd is { } s && elastiCache.MonthlyUsd is { } e && s <= e;
            var numbers = $"Serverless {Money(serverless.MonthlyUsd)} a month against ElastiCache {elastiCache.Purchase} {Money(elastiCache.MonthlyUsd)}";
            if (cheaper)
            {
                questions.Add(new QuestionAnswer(2, Q2, CostTable.ShapeName(month.Shape), $"{numbers}: Serverless, as the practitioners say.", Settles: true));
                return (serverless, elastiCache);
            }

            questions.Add(new QuestionAnswer(2, Q2, CostTable.ShapeName(month.Shape),
                $"{numbers}: CONTRADICTS the practitioners' \"Serverless\" for this month (its storage is billed every hour, "
                + "used or not); going on as if steady.", Settles: false));
        }
        else
        {
            questions.Add(new QuestionAnswer(2, Q2, "steady", $"The month is steady: Serverless {Describe(serverless)} against ElastiCache {Describe(elastiCache)}; go on.", Settles: false));
        }

        // Q3: without SRE capacity, the managed node-based cluster, reserved.
        if (!team.SreCapacity)
        {
            questions.Add(new QuestionAnswer(3, Q3, "no", $"ElastiCache with reserved nodes: {Describe(elastiCache)}.", Settles: true));
            return (elastiCache, RunnerUp(costs, elastiCache.Path, team));
        }

        questions.Add(new QuestionAnswer(3, Q3, "yes", "There is capacity to run Redis / Valkey yourselves.", Settles: false));

        // Q4: self-host only when cost matters and the engineer-time arithmetic still favours it.
        var selfHosted = costs.FirstOrDefault(c => c.Path == DeploymentPaths.SelfHosted);
        var infra = selfHosted?.BestMonthly;
        if (!team.CostSensitive || infra is null || elastiCache.MonthlyUsd is null)
        {
            questions.Add(new QuestionAnswer(4, Q4, team.CostSensitive ? "yes, but unpriced" : "no",
                $"ElastiCache with reserved nodes: {Describe(elastiCache)}.", Settles: true));
            return (elastiCache, RunnerUp(costs, elastiCache.Path, team));
        }

        var withEngineers = infra.Value + team.EngineerCostPerMonth;
        var breakEven = elastiCache.MonthlyUsd.Value - infra.Value;
        var math = $"self-hosted {Money(infra)} of EC2, EBS and transfer + {Money(team.EngineerCostPerMonth)} engineer time = {Money(withEngineers)} "
            + $"against ElastiCache {elastiCache.Purchase} {Money(elastiCache.MonthlyUsd)}; self-hosting pays only while engineer time stays below "
            + $"{Money(breakEven)} a month";
        if (withEngineers < elastiCache.MonthlyUsd)
        {
            questions.Add(new QuestionAnswer(4, Q4, "yes", $"{math}: self-hosted.", Settles: true));
            return (Choice(costs, DeploymentPaths.SelfHosted, team), elastiCache);
        }

        questions.Add(new QuestionAnswer(4, Q4, "yes", $"{math}: ElastiCache with reserved nodes after all.", Settles: true));
        return (elastiCache, RunnerUp(costs, elastiCache.Path, team));
    }

    /// <summary>
    /// The runner-up when loss is not tolerated: of the paths that lost least, the cheapest. Paths whose 95% intervals
    /// of mean loss overlap the least loss's are tied (5 seeds cannot tell 6,000.0 ± 0 from 6,000.2 ± 0.4 apart), so
    /// the bill decides among them, not a fraction of a write.
    /// </summary>
    private static PathLoss? SecondLeastLoss(List<PathLoss> others, IReadOnlyList<PathCost> costs, DecideInputs team)
    {
        if (others.Count == 0)
        {
            return null;
        }

        var least = others.OrderBy(l => l.LostMean).First();
        return others
            .Where(l => l.LostMean - l.LostCi95 <= least.LostMean + least.LostCi95)
            .OrderBy(l => Choice(costs, l.Path, team).MonthlyUsd ?? double.MaxValue)
            .ThenBy(l => l.LostMean)
            .ThenBy(l => l.Path, StringComparer.Ordinal)
            .First();
    }

    /// <summary>
    /// The cheapest priced path other than the recommended one, engineer time included; MemoryDB only when loss is not
    /// tolerated ("no MemoryDB as a plain cache").
    /// </summary>
    private static PathChoice? RunnerUp(IReadOnlyList<PathCost> costs, string recommended, DecideInputs team) =>
        costs.Select(c => Choice(costs, c.Path, team))
            .Where(c => c.Path != recommended && c.MonthlyUsd is not null && (c.Path != DeploymentPaths.MemoryDb || !team.ToleratesLoss))
            .OrderBy(c => c.MonthlyUsd)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>A path bought the cheapest way the table prices (reserved when it can), engineer time included.</summary>
    internal static PathChoice Choice(IReadOnlyList<PathCost> costs, string path, DecideInputs team)
    {
        var cost = costs.FirstOrDefault(c => c.Path == path);
        if (cost is null || cost.Unpriced is not null)
        {
            return new PathChoice(path, "unpriced", null);
        }

        var purchase = cost.ReservedMonthly is not null ? "reserved 3y" : path == DeploymentPaths.Serverless ? "pay per use" : "on-demand";
        return new PathChoice(path, purchase, cost.BestMonthly + (cost.EngineerMonthly is null ? 0 : team.EngineerCostPerMonth));
    }

    private const string Q1 = "Can you tolerate losing acknowledged writes during a failover?";
    private const string Q2 = "Is throughput steady, or intermittent / bursty?";
    private const string Q3 = "Do you have dedicated SRE / platform capacity?";
    private const string Q4 = "Is cost sensitivity high, and have you done the engineer-time math?";

    private static string Describe(PathLoss loss) => loss.Runs == 1
        ? $"{loss.Path} lost {Numbers.Count(loss.LostMean)} of {Numbers.Count(loss.AcknowledgedMean)} acknowledged"
        : $"{loss.Path} lost {Numbers.ByUnit(loss.LostMean, "writes")} ± {Numbers.ByUnit(loss.LostCi95, "writes")} "
          + $"(95% CI, {Numbers.Count(loss.Runs)} seeds; max {Numbers.Count(loss.LostMax)})";

    private static string Describe(PathChoice choice) => $"{choice.Purchase} {Money(choice.MonthlyUsd)} a month";

    internal static string Money(double? value) => CostTable.Money(value);
}
