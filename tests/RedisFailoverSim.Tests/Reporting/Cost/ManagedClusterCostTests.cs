using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Decision;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Reporting.Cost;

/// <summary>
/// A cluster: scenario run on self-hosted only: ElastiCache (cluster mode enabled) and MemoryDB are priced for the
/// same 3 shards x (primary + 2 replicas) and Serverless per use (A100); a MemoryDB run is priced from the run (A150). The month is workload A's (2,000 ops/s, 80%
/// reads, 1,000-byte values, valkey) with 150 GB and a 60,000 ops/s peak, so each shard holds 50 GB and serves
/// 20,000 ops/s (A117); worked by hand from prices/us-east-1.yaml (docs/sources.md §12).
/// </summary>
public sealed class ManagedClusterCostTests
{
    private const double Hours = 730;
    private const double Ops = 2000 * Hours * 3600;
    private const double Bytes = 1000 + 40;

    // One client per AZ and one shard primary per AZ (A76): two of each client's three primaries are in other AZs.
    private const double ClientCrossAzGb = Ops * Bytes * 2 / 3 / 1e9;
    private const double TransferPerGb = 0.01 * 2;

    private static readonly Scenario Cluster = ScenarioLoader.Load(RepositoryFiles.Bundled("cluster-primary-crash.yaml"));
    private static readonly Scenario WorkloadA = ScenarioLoader.Load(RepositoryFiles.Bundled("workload-a-steady-50gb.yaml"));
    private static readonly MonthWorkload Month = WorkloadA.Month! with { DataSizeGb = 150, OpsPeak = 60_000 };
    private static readonly PriceCatalog Prices = PriceLoader.Bundled();

    [Fact]
    public void ClusterScenario_ManagedPathsThatDidNotRun_ArePricedAfterSelfHosted()
    {
        var costs = Costs();

        Assert.Equal([DeploymentPaths.SelfHosted, DeploymentPaths.ElastiCache, DeploymentPaths.Serverless, DeploymentPaths.MemoryDb], costs.Select(c => c.Path));
        Assert.Equal([true, false, false, false], costs.Select(c => c.Simulated));
        Assert.StartsWith(CostModel.NotSimulated, costs[1].Sizing, StringComparison.Ordinal);
        Assert.Equal("elasticache (not run)", CostTable.Row(costs[1])[0]);
    }

    [Fact]
    public void ElastiCache_ClusterModeEnabled_NineCacheR7g4xlargeAndTheClientsCrossing()
    {
        var cost = Costs().Single(c => c.Path == DeploymentPaths.ElastiCache);

        // 50 GB a shard: cache.r7g.2xlarge holds 52.82 GiB x 0.75 = 42.5 GB, so the 4xlarge (105.81 GiB); 9 nodes.
        Assert.Equal("cache.r7g.4xlarge", cost.NodeType);
        Assert.Equal(9, cost.NodeCount);
        Assert.Equal("9 x cache.r7g.4xlarge (3 shards x 3) on-demand", cost.Lines[0].Name);
        Assert.Equal((9 * Hours * 12228.96 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.OnDemandMonthly!.Value, 6);
        Assert.Equal((9 * Hours * 5503.03 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.ReservedMonthly!.Value, 6);
        Assert.Equal(9244.60, cost.OnDemandMonthly.Value, 2);
        Assert.Equal(4200.16, cost.ReservedMonthly.Value, 2);
        Assert.False(cost.CrossAzMeasured);
    }

    [Fact]
    public void MemoryDb_Cluster_NineDbR7g4xlargeAndDataWrittenUnderTheFreeTier()
    {
        var cost = Costs().Single(c => c.Path == DeploymentPaths.MemoryDb);

        // No run, so the log's bytes per write are the command's (value + 40 B): 1,093 GB a month < 10,240 GB free (A56).
        Assert.Equal("db.r7g.4xlarge", cost.NodeType);
        Assert.Equal(9, cost.NodeCount);
        Assert.Equal(0, cost.Lines.Single(l => l.Price.Item == PriceItems.MemoryDbDataWritten).Monthly);
        Assert.Equal((9 * Hours * 24457.92 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.OnDemandMonthly!.Value, 6);
        Assert.Equal((9 * Hours * 11006.06 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.ReservedMonthly!.Value, 6);
    }

    [Fact]
    public void MemoryDb_ClusterRun_PricedFromTheRunNineNodesAndItsLogBytes()
    {
        // The 3-shard MemoryDB run (A150) bills its 9 nodes (node-hours over the run's hours) sized per shard as the
        // priced-only month is, and its data written from the shards' logs: 140 B a write (100 B value + 40 B, A2).
        var run = DeploymentPaths.Run(DeploymentPaths.MemoryDb, Cluster.World, 42, new RunOptions(KeepSamples: false));
        var cost = CostModel.For([run], Cluster.World, Month, Prices, WorkloadA.Decide!).Single(c => c.Path == DeploymentPaths.MemoryDb);

        Assert.True(cost.Simulated);
        Assert.Equal("db.r7g.4xlarge", cost.NodeType);
        Assert.Equal(9, cost.NodeCount);
        Assert.Equal("9 x db.r7g.4xlarge (3 shards x 3) on-demand", cost.Lines[0].Name);
        Assert.EndsWith("(140 B per write)", cost.Lines.Single(l => l.Price.Item == PriceItems.MemoryDbDataWritten).Name, StringComparison.Ordinal);
        Assert.True(cost.CrossAzMeasured);
    }

    [Fact]
    public void Serverless_Cluster_StillPayPerUse()
    {
        var cost = Costs().Single(c => c.Path == DeploymentPaths.Serverless);

        Assert.Null(cost.ReservedMonthly);
        Assert.Equal(0, cost.NodeCount);
        Assert.Equal((150 * Hours * 0.084) + (Ops / 1e6 * 0.0023), cost.OnDemandMonthly!.Value, 6);
    }

    [Fact]
    public void ElastiCache_ClusterModeEnabledRun_PricedFromItsNodeHours_NineNodesSimulated()
    {
        // The run itself (cluster mode enabled, A141): its node-hours are 9 nodes for the run's length, so the month
        // bills 3 shards x 3 nodes, and its cross-AZ client bytes are the run's, not the placement's estimate.
        var run = DeploymentPaths.Run(DeploymentPaths.ElastiCache, Cluster.World, 42, new RunOptions(KeepSamples: false));
        var costs = CostModel.For([run], Cluster.World, Month, Prices, WorkloadA.Decide!);

        var cost = costs[0];
        Assert.Equal(DeploymentPaths.ElastiCache, cost.Path);
        Assert.True(cost.Simulated);
        Assert.Equal(9, cost.NodeCount);
        Assert.Equal("9 x cache.r7g.4xlarge (3 shards x 3) on-demand", cost.Lines[0].Name);
        Assert.True(cost.CrossAzMeasured);
        Assert.Equal([DeploymentPaths.Serverless, DeploymentPaths.MemoryDb], costs.Skip(1).Select(c => c.Path));
        Assert.All(costs.Skip(1), c => Assert.False(c.Simulated));
    }

    [Fact]
    public void Decide_ClusterLossToleratedNoSre_ReservedElastiCacheForTheCluster()
    {
        var team = new DecideInputs(ToleratesLoss: true, SreCapacity: false, CostSensitive: false, EngineerCostPerMonth: 3500);

        var decision = Decide(team);

        Assert.Equal(DeploymentPaths.ElastiCache, decision.Recommended.Path);
        Assert.Equal("reserved 3y", decision.Recommended.Purchase);
        Assert.Equal(9 * Hours * 5503.03 / 8760 + (ClientCrossAzGb * TransferPerGb), decision.Recommended.MonthlyUsd!.Value, 6);
        Assert.Contains("(elasticache, serverless, memorydb: priced for the same cluster, not simulated, A100)", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ClusterLossNotTolerated_SaysMemoryDbWasNotSimulatedAndKeepsToTheRunPath()
    {
        var team = new DecideInputs(ToleratesLoss: false, SreCapacity: false, CostSensitive: false, EngineerCostPerMonth: 3500);

        var decision = Decide(team);

        Assert.Equal(DeploymentPaths.SelfHosted, decision.Recommended.Path);
        Assert.Contains("memorydb is priced for this cluster but was not simulated", decision.Questions[0].Evidence, StringComparison.Ordinal);
    }

    private static Recommendation Decide(DecideInputs team)
    {
        var costs = CostModel.For([SelfHosted()], Cluster.World, Month, Prices, team);
        return DecisionMaker.Decide([new PathLoss(DeploymentPaths.SelfHosted, 0, 0, 36_000, 1, 0)], costs, Month, team, Prices);
    }

    private static IReadOnlyList<PathCost> Costs() => CostModel.For([SelfHosted()], Cluster.World, Month, Prices, WorkloadA.Decide!);

    private static PathResult SelfHosted() => ReportFixtures.Clean(DeploymentPaths.SelfHosted) with
    {
        EndSeconds = 90,
        Usage = [new("node-hours", 9 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0), new(CrossAzTraffic.ReplicationKey, 0)],
    };
}
