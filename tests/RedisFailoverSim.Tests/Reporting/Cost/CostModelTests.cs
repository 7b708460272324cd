using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Prices;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Reporting.Cost;

/// <summary>
/// A month of workload A (50 GB, 2,000 ops/s, 80% reads, 1,000-byte values, valkey, one client per AZ, primary in
/// az-a) worked by hand from the price table's numbers (docs/sources.md §12) for each path.
/// </summary>
public class CostModelTests
{
    private const double Hours = 730;
    private const double Ops = 2000 * Hours * 3600;          // 5.256e9 a month
    private const double Writes = Ops * 0.2;
    private const double Bytes = 1000 + 40;                   // value + command overhead (A2)
    private const double ClientCrossAzGb = Ops * Bytes * 2 / 3 / 1e9;   // two of three clients are not in az-a
    private const double TransferPerGb = 0.01 * 2;            // $0.01 each direction (docs/sources.md §8)

    private static readonly Scenario WorkloadA = ScenarioLoader.Load(RepositoryFiles.Bundled("workload-a-steady-50gb.yaml"));
    private static readonly PriceCatalog Prices = PriceLoader.Bundled();

    [Fact]
    public void ElastiCache_WorkloadA_ThreeR7g4xlargeByTheHour()
    {
        var cost = Month(Result("elasticache", nodes: 3));

        // cache.r7g.2xlarge holds 52.82 GiB x 0.75 = 42.5 GB < 50 GB, so the 4xlarge (105.81 GiB).
        Assert.Equal("cache.r7g.4xlarge", cost.NodeType);
        Assert.Equal((3 * Hours * 12228.96 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.OnDemandMonthly!.Value, 6);
        Assert.Equal((3 * Hours * 5503.03 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.ReservedMonthly!.Value, 6);
        Assert.Equal(3130.12, cost.OnDemandMonthly.Value, 2);
        Assert.Equal(1448.64, cost.ReservedMonthly.Value, 2);
    }

    [Fact]
    public void Serverless_WorkloadA_StorageAllMonthPlusOneEcpuPerCommand()
    {
        var cost = Month(Result("serverless", nodes: 0, usage: [new("ecpus", 1000), new("requests", 1000)]));

        Assert.Null(cost.ReservedMonthly);
        Assert.Equal(0, cost.CrossAzGb);
        Assert.Equal((50 * Hours * 0.084) + (Ops / 1e6 * 0.0023), cost.OnDemandMonthly!.Value, 6);
    }

    [Fact]
    public void MemoryDb_WorkloadA_AssumedNodesAndDataWrittenUnderTheFreeTier()
    {
        // The run's log holds 1,040 bytes per acknowledged write: 1,093 GB a month, under Valkey's 10 TB free (A56).
        var gib = 1000 * Bytes / (1024.0 * 1024 * 1024);
        var cost = Month(Result("memorydb", nodes: 3, usage: [new("node-hours", 3 * 90 / 3600.0), new("data-written-gb", gib)]));

        Assert.Equal("db.r7g.4xlarge", cost.NodeType);
        Assert.True(cost.UsesAssumedPrices);
        Assert.Equal(0, cost.Lines.Single(l => l.Price.Item == PriceItems.MemoryDbDataWritten).Monthly);
        Assert.Equal(Writes * Bytes / 1e9, 1093.248, 3);
        Assert.Equal((3 * Hours * 24457.92 / 8760) + (ClientCrossAzGb * TransferPerGb), cost.OnDemandMonthly!.Value, 6);
    }

    [Fact]
    public void SelfHosted_WorkloadA_Ec2EbsAndReplicationAcrossAzs()
    {
        var cost = Month(Result("self-hosted", nodes: 3, usage: []));

        // r7g.2xlarge: 64 GiB x 0.75 = 51.5 GB >= 50 GB. Replication crosses to both replicas (az-b, az-c).
        var crossAzGb = ClientCrossAzGb + (Writes * Bytes * 2 / 1e9);
        Assert.Equal("r7g.2xlarge", cost.NodeType);
        Assert.Equal(crossAzGb, cost.CrossAzGb, 6);
        Assert.Equal((3 * Hours * 0.4284) + (3 * 100 * 0.08) + (crossAzGb * TransferPerGb), cost.OnDemandMonthly!.Value, 6);
        Assert.Equal((3 * Hours * 1481.67 / 8760) + (3 * 100 * 0.08) + (crossAzGb * TransferPerGb), cost.ReservedMonthly!.Value, 6);
        Assert.Equal(3500, cost.EngineerMonthly);
    }

    [Fact]
    public void SelfHosted_MeasuredCrossAz_TheRunsBytesPerIssuedWriteScaledToTheMonth()
    {
        // The run issued 1,000 writes (ReportFixtures.Clean) of the month's 1,000-byte values; its network counted
        // 0.0007 GB of client traffic and 1,000 x 1,040 B x 2 replicas of replication across AZs (A115, A116).
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 3 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0.0007), new(CrossAzTraffic.ReplicationKey, 0.00208) };
        var cost = Month(Result("self-hosted", nodes: 3, usage: usage));

        var clientGb = 0.0007 / 1000 * Ops;
        var replicationGb = 0.00208 / 1000 * Writes;
        Assert.Equal(Writes * Bytes * 2 / 1e9, replicationGb, 6);
        Assert.Equal(clientGb + replicationGb, cost.CrossAzGb, 6);
        var transfer = cost.Lines.Where(l => l.Price.Item == PriceItems.CrossAzTransfer).ToList();
        Assert.Equal(["cross-AZ client traffic, out and in (from the run)", "cross-AZ replication, out and in (from the run)"], transfer.Select(l => l.Name));
        Assert.Equal((clientGb + replicationGb) * TransferPerGb, transfer.Sum(l => l.Monthly), 6);
    }

    [Fact]
    public void SelfHosted_ControlBytes_BilledAtTheRunsRateForTheMonth()
    {
        // A102: 0.0004 GB of control traffic in a 90 s run is 0.0004 / 90 x 730 x 3600 GB a month, out and in.
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 3 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0), new(CrossAzTraffic.ReplicationKey, 0), new(CrossAzTraffic.ControlKey, 0.0004) };
        var cost = Month(Result("self-hosted", nodes: 3, usage: usage));

        var controlGb = 0.0004 / 90 * Hours * 3600;
        var line = cost.Lines.Single(l => l.Name.StartsWith("cross-AZ control traffic", StringComparison.Ordinal));
        Assert.Equal(controlGb * TransferPerGb, line.Monthly, 9);
        Assert.Equal(controlGb, cost.CrossAzGb, 9);
    }

    [Fact]
    public void ElastiCache_ControlBytes_AreAwsTrafficNotBilled()
    {
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 3 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0), new(CrossAzTraffic.ReplicationKey, 0), new(CrossAzTraffic.ControlKey, 0.0004) };
        var cost = Month(Result("elasticache", nodes: 3, usage: usage));

        Assert.DoesNotContain(cost.Lines, l => l.Name.StartsWith("cross-AZ control traffic", StringComparison.Ordinal));
    }

    [Fact]
    public void ElastiCache_MeasuredReplicationAcrossAzs_IsNotBilled()
    {
        // A60: replication between ElastiCache nodes is AWS's traffic; only the clients' crossing is billed.
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 3 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0.0007), new(CrossAzTraffic.ReplicationKey, 0.00208) };
        var cost = Month(Result("elasticache", nodes: 3, usage: usage));

        Assert.Equal(0.0007 / 1000 * Ops, cost.CrossAzGb, 6);
        Assert.Single(cost.Lines, l => l.Price.Item == PriceItems.CrossAzTransfer);
    }

    [Fact]
    public void MeasuredCrossAz_ScalesWithTheMonthsValueSizeOverTheRuns()
    {
        // A116: a month of 4,000-byte values moves (4,000 + 40) / (1,000 + 40) times the run's bytes per write.
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 3 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0.0007), new(CrossAzTraffic.ReplicationKey, 0) };
        var month = WorkloadA.Month! with { ValueBytes = 4000 };
        var cost = CostModel.For(Result("memorydb", nodes: 3, usage: usage), WorkloadA.World, month, Prices, WorkloadA.Decide!);

        Assert.Equal(0.0007 / 1000 * (4040.0 / 1040) * Ops, cost.CrossAzGb, 6);
    }

    [Fact]
    public void Sizing_DataLargerThanTheLargestNode_IsUnpricedAndSaysWhy()
    {
        var month = WorkloadA.Month! with { DataSizeGb = 500 };

        var cost = CostModel.For(Result("elasticache", nodes: 3), WorkloadA.World, month, Prices, WorkloadA.Decide!);

        Assert.Null(cost.OnDemandMonthly);
        Assert.Equal("no single elasticache-node type holds 500 GB and serves 10,000 ops/s (largest: cache.r7g.16xlarge); shard it with a cluster: section (simulated on elasticache, serverless, memorydb and self-hosted, priced on every path, A100)", cost.Unpriced);
    }

    [Fact]
    public void SelfHosted_Cluster_SizesEachShardForItsShareAndBillsShardsTimesNodesPerShard()
    {
        // cluster-primary-crash.yaml: 3 shards x (primary + 2 replicas). A month of 150 GB and a 60,000 ops/s peak puts
        // 50 GB and 20,000 ops/s on each shard (A117): r7g.2xlarge (64 GiB x 0.75 = 51.5 GB), where one primary would
        // need r7g.8xlarge.
        var cluster = ScenarioLoader.Load(RepositoryFiles.Bundled("cluster-primary-crash.yaml"));
        var month = WorkloadA.Month! with { DataSizeGb = 150, OpsPeak = 60_000 };
        var usage = new KeyValuePair<string, double>[] { new("node-hours", 9 * 90 / 3600.0), new(CrossAzTraffic.ClientKey, 0), new(CrossAzTraffic.ReplicationKey, 0) };

        var cost = CostModel.For(Result("self-hosted", nodes: 9, usage: usage), cluster.World, month, Prices, WorkloadA.Decide!);

        Assert.Equal("r7g.2xlarge", cost.NodeType);
        Assert.Equal(9, cost.NodeCount);
        Assert.StartsWith("r7g.2xlarge: 3 shards, each 51.5 GB usable of 64 GiB holds 50 GB", cost.Sizing, StringComparison.Ordinal);
        Assert.Equal("9 x r7g.2xlarge (3 shards x 3) on-demand", cost.Lines[0].Name);

        // 9 nodes all month, and a gp3 volume of twice the shard's 50 GB on each (A59).
        Assert.Equal((9 * Hours * 0.4284) + (9 * 100 * 0.08), cost.OnDemandMonthly!.Value, 6);
        Assert.Equal((9 * Hours * 1481.67 / 8760) + (9 * 100 * 0.08), cost.ReservedMonthly!.Value, 6);
    }

    [Fact]
    public void Sizing_ClusterTooSmallForItsShare_SaysToAddShards()
    {
        var cluster = ScenarioLoader.Load(RepositoryFiles.Bundled("cluster-primary-crash.yaml"));
        var month = WorkloadA.Month! with { DataSizeGb = 1500 };

        var cost = CostModel.For(Result("self-hosted", nodes: 9), cluster.World, month, Prices, WorkloadA.Decide!);

        Assert.Null(cost.OnDemandMonthly);
        Assert.Equal("with 3 shards, each no ec2-instance type holds 500 GB and serves 3,333 ops/s (largest: r7g.16xlarge); add shards", cost.Unpriced);
    }

    private static PathCost Month(PathResult result) => CostModel.For(result, WorkloadA.World, WorkloadA.Month!, Prices, WorkloadA.Decide!);

    private static PathResult Result(string path, int nodes, IReadOnlyList<KeyValuePair<string, double>>? usage = null) =>
        ReportFixtures.Clean(path) with
        {
            EndSeconds = 90,
            Usage = usage ?? [new("node-hours", nodes * 90 / 3600.0)],
        };
}
