using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// A month of each path's bill, from what its run measured (nodes from node-hours, ECPUs per request, log bytes per
/// write) scaled to the scenario's <c>month:</c>, priced from the price table.
/// </summary>
public static class CostModel
{
    /// <summary>
    /// Each path's month, in the results' order. A <c>cluster:</c> scenario runs on the paths with cluster mode
    /// (<see cref="DeploymentPaths.WithClusterMode"/>); the managed paths that did not run are then priced for the same
    /// cluster and listed after them, marked not simulated (A100).
    /// </summary>
    public static IReadOnlyList<PathCost> For(
        IReadOnlyList<PathResult> results, WorldSpec world, MonthWorkload month, PriceCatalog prices, DecideInputs? team = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(world);
        var costs = results.Select(r => For(r, world, month, prices, team ?? DecideInputs.Default)).ToList();
        if (world.Cluster is not null)
        {
            costs.AddRange(DeploymentPaths.All
                .Where(p => p != DeploymentPaths.SelfHosted && results.All(r => r.Path != p))
                .Select(p => PricedOnly(p, world, month, prices, team ?? DecideInputs.Default)));
        }

        return costs;
    }

    /// <summary>One path's month.</summary>
    public static PathCost For(PathResult result, WorldSpec world, MonthWorkload month, PriceCatalog prices, DecideInputs team)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(world);
        var (clientGb, replicationGb, measured) = CrossAzTraffic.Monthly(result, world, month, prices.HoursPerMonth);
        var cost = Price(result.Path, result, NodeCount(result, world), (clientGb, replicationGb, measured), world, month, prices, team);
        var controlGb = CrossAzTraffic.MonthlyControlGb(result, prices.HoursPerMonth);
        if (cost.Unpriced is not null || controlGb <= 0 || prices.Find(PriceItems.CrossAzTransfer) is not { } transfer)
        {
            return cost;
        }

        // The cluster bus and Sentinel's gossip between the customer's instances, at the run's rate (A101, A102).
        var control = new CostLine("cross-AZ control traffic, out and in (from the run's rate, A102)", controlGb * 2, "GB", transfer.Value, CostTerm.Always, transfer);
        return cost with { Lines = [.. cost.Lines, control], CrossAzGb = cost.CrossAzGb + controlGb };
    }

    /// <summary>
    /// ASSUMPTION A100: the month of a path the scenario did not run, from the scenario alone: the world's nodes
    /// (a cluster's shards x nodes per shard: ElastiCache cluster mode enabled bills 1 + replicas nodes a shard,
    /// MemoryDB its nodes a shard), sized per shard (A117), cross-AZ client bytes from the placement (A60), ECPUs and
    /// data written from the month's value size. Its acknowledged-write loss is not known: nothing was simulated.
    /// </summary>
    public static PathCost PricedOnly(string path, WorldSpec world, MonthWorkload month, PriceCatalog prices, DecideInputs team)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(prices);
        var (clientGb, replicationGb) = CrossAzTraffic.Estimate(path, world, month, prices.HoursPerMonth);
        var cost = Price(path, null, world.Nodes.Count, (clientGb, replicationGb, false), world, month, prices, team);
        return cost with { Simulated = false, Sizing = NotSimulated + cost.Sizing };
    }

    /// <summary>What a path priced from the scenario alone says before its sizing.</summary>
    public const string NotSimulated = "not simulated (not run for this cluster: scenario; priced for the same cluster, A100); ";

    private static PathCost Price(
        string path, PathResult? result, int nodeCount, (double ClientGb, double ReplicationGb, bool Measured) crossAz,
        WorldSpec world, MonthWorkload month, PriceCatalog prices, DecideInputs team)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(team);
        var (clientGb, replicationGb, measured) = crossAz;
        var crossAzGb = clientGb + replicationGb;
        var cost = path switch
        {
            DeploymentPaths.Serverless => Serverless(path, result, month, prices),
            DeploymentPaths.ElastiCache => Nodes(path, nodeCount, world, month, prices, PriceItems.ElastiCacheNode, []),
            DeploymentPaths.MemoryDb => Nodes(path, nodeCount, world, month, prices, PriceItems.MemoryDbNode, DataWritten(result, month, prices)),
            DeploymentPaths.SelfHosted => Nodes(path, nodeCount, world, month, prices, PriceItems.Ec2Instance, []),
            _ => new PathCost(path, null, 0, [], $"no cost model for path {path}"),
        };
        if (cost.Unpriced is not null)
        {
            return cost;
        }

        var lines = cost.Lines.ToList();
        if (crossAzGb > 0)
        {
            if (prices.Find(PriceItems.CrossAzTransfer) is not { } transfer)
            {
                return cost with { Unpriced = "no cross-az-transfer price in the table" };
            }

            // $0.01 per GB each direction: a GB that crosses is billed going out and coming in (docs/sources.md §8).
            var how = measured ? "from the run" : "estimated, A60";
            if (clientGb > 0)
            {
                lines.Add(new CostLine($"cross-AZ client traffic, out and in ({how})", clientGb * 2, "GB", transfer.Value, CostTerm.Always, transfer));
            }

            if (replicationGb > 0)
            {
                lines.Add(new CostLine($"cross-AZ replication, out and in ({how})", replicationGb * 2, "GB", transfer.Value, CostTerm.Always, transfer));
            }
        }

        if (path == DeploymentPaths.SelfHosted)
        {
            if (prices.Find(PriceItems.EbsGp3) is not { } gp3)
            {
                return cost with { Unpriced = "no ebs-gp3 price in the table" };
            }

            // ASSUMPTION A59: a gp3 volume twice the data on each node, for an RDB snapshot and an AOF rewrite (a
            // cluster node holds its shard's share, A117).
            double volumeGb = 2 * month.DataSizeGb / (world.Cluster?.Shards ?? 1);
            lines.Add(new CostLine($"{cost.NodeCount} x gp3 volume ({Numbers.Amount(volumeGb, 1)} GB)", cost.NodeCount * volumeGb, "GB-month", gp3.Value, CostTerm.Always, gp3));
        }

        return cost with
        {
            Lines = lines,
            CrossAzGb = crossAzGb,
            CrossAzMeasured = measured,
            EngineerMonthly = path == DeploymentPaths.SelfHosted ? team.EngineerCostPerMonth : null,
        };
    }

    /// <summary>Nodes the run billed: its node-hours over its hours, else the scenario's nodes.</summary>
    public static int NodeCount(PathResult result, WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(world);
        var nodeHours = result.Usage.FirstOrDefault(u => u.Key == "node-hours").Value;
        return nodeHours > 0 && result.EndSeconds > 0
            ? (int)Math.Round(nodeHours / (result.EndSeconds / 3600))
            : world.Nodes.Count;
    }

    private static PathCost Nodes(
        string path, int count, WorldSpec world, MonthWorkload month, PriceCatalog prices, string item, IReadOnlyList<CostLine> extra)
    {
        int shards = world.Cluster?.Shards ?? 1;
        var (type, why) = NodeSizing.Choose(prices, item, month, shards);
        if (type is null)
        {
            return new PathCost(path, null, count, [], why) { Sizing = why };
        }

        var engine = item == PriceItems.Ec2Instance ? null : month.Engine;
        var onDemand = prices.Find(item, type.Name, engine, PriceItems.OnDemand)!;
        var nodes = world.Cluster is { } cluster
            ? $"{count} x {type.Name} ({shards} shards x {cluster.NodesPerShard})"
            : $"{count} x {type.Name}";
        var lines = new List<CostLine>
        {
            new($"{nodes} on-demand", count * prices.HoursPerMonth, "node-hours", onDemand.PerHour, CostTerm.OnDemand, onDemand),
        };
        if (prices.Find(item, type.Name, engine, PriceItems.Reserved3yAllUpfront) is { } reserved)
        {
            lines.Add(new($"{nodes} reserved 3y all upfront", count * prices.HoursPerMonth, "node-hours", reserved.PerHour, CostTerm.Reserved, reserved));
        }

        lines.AddRange(extra);
        var unpriced = extra.Count == 0 && item == PriceItems.MemoryDbNode ? "no memorydb-data-written price in the table" : null;
        return new PathCost(path, type.Name, count, lines, unpriced) { Sizing = why };
    }

    private static PathCost Serverless(string path, PathResult? result, MonthWorkload month, PriceCatalog prices)
    {
        if (prices.Find(PriceItems.ServerlessStorage, engine: month.Engine) is not { } storage
            || prices.Find(PriceItems.ServerlessEcpu, engine: month.Engine) is not { } ecpu)
        {
            return new PathCost(path, null, 0, [], $"no serverless-storage or serverless-ecpu price for {month.Engine}");
        }

        // ECPUs a request cost in the run (A34: max(1, KB transferred)); without requests, the same rule on the value.
        var ecpus = result?.Usage.FirstOrDefault(u => u.Key == "ecpus").Value ?? 0;
        var requests = result?.Usage.FirstOrDefault(u => u.Key == "requests").Value ?? 0;
        var perRequest = requests > 0 ? ecpus / requests : Math.Max(1, month.ValueBytes / 1024.0);
        var storedGb = Math.Max(month.DataSizeGb, storage.MinimumGb ?? 0);
        var millions = month.Operations(prices.HoursPerMonth) * perRequest / 1e6;
        return new PathCost(path, null, 0,
        [
            new($"storage {Numbers.Amount(storedGb, 2)} GB all month", storedGb * prices.HoursPerMonth, "GB-hours", storage.Value, CostTerm.Always, storage),
            new($"ECPUs ({Numbers.Amount(perRequest, 3)} per request)", millions, "million ECPUs", ecpu.Value, CostTerm.Always, ecpu),
        ], null)
        {
            Sizing = "scales with the load; no node type to choose",
        };
    }

    private static IReadOnlyList<CostLine> DataWritten(PathResult? result, MonthWorkload month, PriceCatalog prices)
    {
        if (prices.Find(PriceItems.MemoryDbDataWritten, engine: month.Engine) is not { } written)
        {
            return [];
        }

        // Bytes the simulated log committed per acknowledged write (usage data-written-gb is in GiB).
        var gib = result?.Usage.FirstOrDefault(u => u.Key == "data-written-gb").Value ?? 0;
        var bytesPerWrite = result is { Writes.Acknowledged: > 0 } && gib > 0
            ? gib * 1024 * 1024 * 1024 / result.Writes.Acknowledged
            : month.ValueBytes + NodeSizing.CommandOverheadBytes;
        var gb = month.Writes(prices.HoursPerMonth) * bytesPerWrite / 1e9;
        var billed = Math.Max(0, gb - (written.FreeGbPerMonth ?? 0));
        return [new($"data written {Numbers.Count(gb)} GB ({Numbers.Count(bytesPerWrite)} B per write)", billed, "GB", written.Value, CostTerm.Always, written)];
    }
}
