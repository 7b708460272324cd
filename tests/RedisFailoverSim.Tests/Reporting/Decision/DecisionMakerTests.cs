using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Decision;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Reporting.Decision;

/// <summary>
/// The four questions' logic, pinned to the rules and to the price table's sources: each test changes one
/// answer or one number and checks where the walk ends.
/// </summary>
public class DecisionMakerTests
{
    private static readonly PriceCatalog Prices = PriceLoader.Bundled();
    private static readonly Scenario WorkloadA = ScenarioLoader.Load(RepositoryFiles.Bundled("workload-a-steady-50gb.yaml"));

    [Fact]
    public void Q1_LossNotTolerated_MemoryDbAloneLostNone_RecommendsMemoryDb()
    {
        var decision = Decide(Team(tolerates: false), lost: (ec: 6000, sl: 6000, mdb: 0, sh: 6000));

        Assert.Equal(DeploymentPaths.MemoryDb, decision.Recommended.Path);
        Assert.Equal("reserved 3y", decision.Recommended.Purchase);
        var q1 = Assert.Single(decision.Questions);
        Assert.True(q1.Settles);
        Assert.Contains("memorydb is the only path that lost no acknowledged write, as the practitioners say", q1.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Q1_LossNotTolerated_MemoryDbLost_SaysItContradictsAndPicksTheLeastLoss()
    {
        var decision = Decide(Team(tolerates: false), lost: (ec: 10, sl: 3, mdb: 5, sh: 600));

        Assert.Equal(DeploymentPaths.Serverless, decision.Recommended.Path);
        Assert.Contains("CONTRADICTS the practitioners: memorydb lost 5", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Q1_AsyncPathsAlsoLostNone_StillMemoryDbAndSaysWhy()
    {
        var decision = Decide(Team(tolerates: false), lost: (ec: 0, sl: 0, mdb: 0, sh: 0));

        Assert.Equal(DeploymentPaths.MemoryDb, decision.Recommended.Path);
        Assert.Contains("acknowledge before the write is on another AZ", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Q2_SteadyWithoutSre_ReservedElastiCacheAndServerlessDontRule()
    {
        var decision = Decide(Team(tolerates: true, sre: false), lost: (0, 0, 0, 0));

        Assert.Equal(DeploymentPaths.ElastiCache, decision.Recommended.Path);
        Assert.Equal("reserved 3y", decision.Recommended.Purchase);
        Assert.Equal([1, 2, 3], decision.Questions.Select(q => q.Number));
        Assert.Contains(decision.DontRules, r => r.StartsWith("No Serverless for heavy sustained throughput", StringComparison.Ordinal));
        Assert.Contains(decision.DontRules, r => r.StartsWith("No MemoryDB as a plain cache", StringComparison.Ordinal));
        Assert.NotEqual(DeploymentPaths.MemoryDb, decision.RunnerUp!.Path);
    }

    [Fact]
    public void Q2_OfficeHoursButServerlessDearer_SaysItContradictsAndGoesOn()
    {
        // 50 GB stored all month ($3,066) costs more than the reserved cluster ($1,449): the numbers beat the rule.
        var month = WorkloadA.Month! with { Shape = MonthShape.OfficeHours, ActiveHoursPerDay = 8 };

        var decision = Decide(Team(tolerates: true, sre: false), lost: (0, 0, 0, 0), month);

        Assert.Equal(DeploymentPaths.ElastiCache, decision.Recommended.Path);
        Assert.Contains("CONTRADICTS the practitioners' \"Serverless\"", decision.Questions[1].Evidence, StringComparison.Ordinal);
        Assert.False(decision.Questions[1].Settles);
    }

    [Fact]
    public void Q2_OfficeHoursSmallData_Serverless()
    {
        var month = WorkloadA.Month! with { DataSizeGb = 2, Shape = MonthShape.OfficeHours, ActiveHoursPerDay = 8 };

        var decision = Decide(Team(tolerates: true), lost: (0, 0, 0, 0), month);

        Assert.Equal(DeploymentPaths.Serverless, decision.Recommended.Path);
        Assert.Equal("pay per use", decision.Recommended.Purchase);
        Assert.Contains(decision.DontRules, r => r.StartsWith("No node-based ElastiCache for a 9-to-5 workload", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3500, "elasticache")]   // $511 + $3,500 of engineers > $1,449 reserved ElastiCache
    [InlineData(500, "self-hosted")]    // $511 + $500 < $1,449
    public void Q4_CostSensitiveWithSre_EngineerTimeDecides(double engineers, string expected)
    {
        var decision = Decide(Team(tolerates: true, sre: true, sensitive: true, engineers: engineers), lost: (0, 0, 0, 0));

        Assert.Equal(expected, decision.Recommended.Path);
        Assert.Equal(4, decision.Questions[^1].Number);
        Assert.Contains("self-hosting pays only while engineer time stays below $937.61 a month", decision.Questions[^1].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_ReservedSaving_AgreesAt55PercentAsAwsStates()
    {
        var claim = Decide(Team(tolerates: true), lost: (0, 0, 0, 0)).Claims.Single(c => c.Claim.StartsWith("Reserved nodes save", StringComparison.Ordinal));

        // docs/sources.md §4.6 "up to 55%"; §12.1 the captured 3-year all-upfront rate is 0.45 of on-demand.
        Assert.Equal(Verdict.Agrees, claim.Verdict);
        Assert.Contains("55.0% off", claim.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_MemoryDbTwiceElastiCache_NotCheckedWithTheAssumedPrices()
    {
        var claim = Decide(Team(tolerates: true), lost: (0, 0, 0, 0)).Claims.Single(c => c.Claim.StartsWith("MemoryDB costs", StringComparison.Ordinal));

        Assert.Equal(Verdict.NotChecked, claim.Verdict);
        Assert.Contains("assumption A55", claim.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_BreakEven_SmallOfficeCacheAtEightPercent()
    {
        // Reserved 3 x cache.r7g.large = 3 x 730 x 690.64 / 8760 = $172.66; storage 2 GB x 730 x $0.084 = $122.64;
        // ECPUs at 100,000 ops/s (A58) all month = 100,000 x 730 x 3600 / 1e6 x $0.0023 = $604.44; (172.66 - 122.64) / 604.44.
        var month = WorkloadA.Month! with { DataSizeGb = 2 };
        var costs = CostModel.For(Results(), WorkloadA.World, month, Prices);
        var breakEven = BreakEven.For(costs[0], costs[1], month, Prices)!;

        Assert.Equal(((3 * 730 * 690.64 / 8760) - (2 * 730 * 0.084)) / (100_000.0 * 730 * 3600 / 1e6 * 0.0023), breakEven.ReservedBreakEven, 9);
        Assert.Equal(0.0828, breakEven.ReservedBreakEven, 4);
    }

    [Fact]
    public void Text_UnderGermanCulture_IsIdenticalToInvariant()
    {
        // Dollars, shares and counts are written with the invariant culture: decision.md's bytes do not move.
        string Render() => string.Join("\n", DecisionText.Lines(Decide(Team(tolerates: true, sre: true, sensitive: true), lost: (3, 0, 0, 1234)), "a"));

        var invariant = Render();

        Assert.Equal(invariant, CultureScope.Run("de-DE", Render));
        Assert.Contains("$1,448.64", invariant, StringComparison.Ordinal);
    }

    private static Recommendation Decide(DecideInputs team, (long ec, long sl, long mdb, long sh) lost, MonthWorkload? month = null)
    {
        month ??= WorkloadA.Month!;
        var costs = CostModel.For(Results(), WorkloadA.World, month, Prices, team);
        long[] losses = [lost.ec, lost.sl, lost.mdb, lost.sh];
        var pathLosses = DeploymentPaths.All.Select((p, i) => new PathLoss(p, losses[i], 0, 40_000, 1, losses[i])).ToList();
        return DecisionMaker.Decide(pathLosses, costs, month, team, Prices);
    }

    private static DecideInputs Team(bool tolerates, bool sre = false, bool sensitive = false, double engineers = 3500) =>
        new(tolerates, sre, sensitive, engineers);

    private static List<RedisFailoverSim.Model.Metrics.PathResult> Results() =>
        DeploymentPaths.All.Select(p => ReportFixtures.Clean(p) with
        {
            EndSeconds = 90,
            Usage = p == DeploymentPaths.Serverless ? [new("ecpus", 1000), new("requests", 1000)] : [new("node-hours", 3 * 90 / 3600.0)],
        }).ToList();
}
