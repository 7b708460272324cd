using System.Text.RegularExpressions;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Decision;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Reporting.Decision;

/// <summary>
/// The cost and decision text reads its numbers through <c>Numbers</c> (docs/sources.md §15.7, §15.8): counts with
/// thousands separators, a mean of writes to a tenth, shares to a tenth of a percent, unit prices with cents at least.
/// </summary>
public sealed class DecisionNumbersTests
{
    private static readonly PriceCatalog Prices = PriceLoader.Bundled();
    private static readonly Scenario WorkloadA = ScenarioLoader.Load(RepositoryFiles.Bundled("workload-a-steady-50gb.yaml"));

    [Fact]
    public void Q1_MemoryDbLostThousands_CountHasItsSeparator()
    {
        // The loss count was interpolated raw ("lost 1234") before it went through Numbers.Count.
        var decision = Decide(new PathLoss(DeploymentPaths.MemoryDb, 1234, 0, 40_000, 1, 1234), others: 5000);

        Assert.Contains("CONTRADICTS the practitioners: memorydb lost 1,234 acknowledged writes here", decision.Questions[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("elasticache lost 5,000 of 40,000 acknowledged", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Q1_ASweep_MeanAndCiToATenthMaxAsACount()
    {
        var decision = Decide(new PathLoss(DeploymentPaths.MemoryDb, 4363.84, 12.41, 40_000, 5, 4401), others: 0, runs: 5);

        Assert.Contains("memorydb lost 4,363.8 ± 12.4 (95% CI, 5 seeds; max 4,401)", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_PricesAndRatio_UnitPricesAndAHundredthRatio()
    {
        var claims = Decide(new PathLoss(DeploymentPaths.MemoryDb, 0, 0, 40_000, 1, 0), others: 0, tolerates: true).Claims;

        // Workload A sizes cache.r7g.4xlarge: on demand 12228.96 a year / 8760 = $1.396/h (docs/sources.md §12.1).
        var reserved = claims.Single(c => c.Claim.StartsWith("Reserved nodes save", StringComparison.Ordinal));
        Assert.Contains("/h against $1.396/h on demand: 55.0% off", reserved.Evidence, StringComparison.Ordinal);
        var memoryDb = claims.Single(c => c.Claim.StartsWith("MemoryDB costs", StringComparison.Ordinal));
        Assert.Matches(new Regex(@"db\.r7g\.4xlarge \$\d+\.\d{2,6}/h against cache\.r7g\.4xlarge \$1\.396/h = \d+\.\d\dx; whole month \$[\d,]+\.\d\d against \$[\d,]+\.\d\d"), memoryDb.Evidence);
    }

    [Fact]
    public void Q1_RunnerUp_LossesWithinEachOthersIntervalAreTiedAndTheCheaperWins()
    {
        // Workload C's sweep: self-hosted 6,000.0 ± 0 and elasticache 6,000.2 ± 0.4 overlap, so the cheaper
        // reserved ElastiCache is the runner-up, not self-hosted with its engineer time.
        var losses = new List<PathLoss>
        {
            new(DeploymentPaths.ElastiCache, 6000.2, 0.4, 40_000, 5, 6001),
            new(DeploymentPaths.Serverless, 6000.6, 0.5, 40_000, 5, 6001),
            new(DeploymentPaths.MemoryDb, 0, 0, 40_000, 5, 0),
            new(DeploymentPaths.SelfHosted, 6000.0, 0, 40_000, 5, 6000),
        };
        var team = new DecideInputs(ToleratesLoss: false, SreCapacity: false, CostSensitive: false, EngineerCostPerMonth: 3500);
        var costs = CostModel.For(Results(), WorkloadA.World, WorkloadA.Month!, Prices, team);

        var decision = DecisionMaker.Decide(losses, costs, WorkloadA.Month!, team, Prices);

        Assert.Equal(DeploymentPaths.MemoryDb, decision.Recommended.Path);
        Assert.Equal(DeploymentPaths.ElastiCache, decision.RunnerUp!.Path);
    }

    [Fact]
    public void Q1_RunnerUp_ASeparableSmallerLossBeatsACheaperPath()
    {
        var losses = new List<PathLoss>
        {
            new(DeploymentPaths.ElastiCache, 600, 10, 40_000, 5, 620),
            new(DeploymentPaths.Serverless, 700, 10, 40_000, 5, 720),
            new(DeploymentPaths.MemoryDb, 0, 0, 40_000, 5, 0),
            new(DeploymentPaths.SelfHosted, 100, 5, 40_000, 5, 110),
        };
        var team = new DecideInputs(ToleratesLoss: false, SreCapacity: false, CostSensitive: false, EngineerCostPerMonth: 3500);
        var costs = CostModel.For(Results(), WorkloadA.World, WorkloadA.Month!, Prices, team);

        Assert.Equal(DeploymentPaths.SelfHosted, DecisionMaker.Decide(losses, costs, WorkloadA.Month!, team, Prices).RunnerUp!.Path);
    }

    [Fact]
    public void CostAndDecisionSources_FormatNoNumberByHand()
    {
        // A format specifier inside an interpolation hole ({x:N0}, {x:0.##}) or ToString("...") is a number formatted
        // outside Numbers; results.csv (CostCsvWriter) is for programs and writes invariant digits itself.
        var handFormat = new Regex(@"\{[^{}""]+:(N\d|[0#][0#.,]*)\}|ToString\(""");
        var folders = new[] { "Cost", "Decision" }.Select(f => Path.Combine(RepositoryFiles.Root, "src", "RedisFailoverSim.Reporting", f));
        var offenders = folders.SelectMany(f => Directory.GetFiles(f, "*.cs"))
            .Where(f => !f.EndsWith("CostCsvWriter.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => handFormat.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    private static List<RedisFailoverSim.Model.Metrics.PathResult> Results() =>
        DeploymentPaths.All.Select(p => ReportFixtures.Clean(p) with
        {
            EndSeconds = 90,
            Usage = p == DeploymentPaths.Serverless ? [new("ecpus", 1000), new("requests", 1000)] : [new("node-hours", 3 * 90 / 3600.0)],
        }).ToList();

    private static Recommendation Decide(PathLoss memoryDb, long others, int runs = 1, bool tolerates = false)
    {
        var month = WorkloadA.Month!;
        var team = new DecideInputs(tolerates, SreCapacity: false, CostSensitive: false, EngineerCostPerMonth: 3500);
        var costs = CostModel.For(Results(), WorkloadA.World, month, Prices, team);
        var losses = DeploymentPaths.All
            .Select(p => p == DeploymentPaths.MemoryDb ? memoryDb : new PathLoss(p, others, 0, 40_000, runs, others))
            .ToList();
        return DecisionMaker.Decide(losses, costs, month, team, Prices);
    }
}
