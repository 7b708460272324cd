using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios.Cost;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// Gigabytes a month that cross AZs on the customer's bill. From the run when it measured them (A115, A116): the
/// simulated network counts the bytes each kind of traffic sent from one AZ to another, and the bytes per issued
/// write scale to the month. A result without that measurement falls back to the placement estimate (A60).
/// </summary>
public static class CrossAzTraffic
{
    /// <summary>Usage key: client commands and replies that crossed AZs in the run, in GB.</summary>
    public const string ClientKey = "cross-az-client-gb";

    /// <summary>Usage key: the replication stream that crossed AZs in the run, in GB.</summary>
    public const string ReplicationKey = "cross-az-replication-gb";

    /// <summary>Usage key: sized control traffic (cluster bus, Sentinel's hellos and votes, A101) that crossed AZs, in GB.</summary>
    public const string ControlKey = "cross-az-control-gb";

    /// <summary>
    /// ASSUMPTION A102: a month of self-hosted control traffic, from the run's control bytes across AZs per simulated
    /// second; 0 on the managed paths (AWS's traffic, A60) and for a result that did not measure it.
    /// </summary>
    public static double MonthlyControlGb(PathResult result, double hoursPerMonth)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Path != DeploymentPaths.SelfHosted || result.EndSeconds <= 0 || Usage(result, ControlKey) is not { } control)
        {
            return 0;
        }

        return control / result.EndSeconds * hoursPerMonth * 3600;
    }

    /// <summary>A month's billed cross-AZ gigabytes (10^9 bytes), client and replication, each direction counted once.</summary>
    public static (double ClientGb, double ReplicationGb, bool Measured) Monthly(PathResult result, WorldSpec world, MonthWorkload month, double hoursPerMonth)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(month);
        if (result.Path == DeploymentPaths.Serverless)
        {
            // Each client uses its own AZ's proxy (A24): the proxy's traffic to the nodes is AWS's, not billed.
            return (0, 0, false);
        }

        var client = Usage(result, ClientKey);
        var replication = Usage(result, ReplicationKey);
        if (client is null || replication is null || result.Writes.Attempted == 0)
        {
            var (estimatedClient, estimatedReplication) = Estimate(result.Path, world, month, hoursPerMonth);
            return (estimatedClient, estimatedReplication, false);
        }

        // A116: bytes scale with the command size (value + 40 B, A2) from the run's value size to the month's.
        double scale = (month.ValueBytes + NodeSizing.CommandOverheadBytes) / (double)(world.Workload.ValueBytes + NodeSizing.CommandOverheadBytes);
        double clientGb = client.Value / result.Writes.Attempted * scale * month.Operations(hoursPerMonth);

        // Replication inside ElastiCache and MemoryDB is AWS's (A60); only self-hosted replicas bill it.
        double replicationGb = result.Path == DeploymentPaths.SelfHosted
            ? replication.Value / result.Writes.Attempted * scale * month.Writes(hoursPerMonth)
            : 0;
        return (clientGb, replicationGb, true);
    }

    /// <summary>Gigabytes (10^9 bytes) a month crossing AZs on a path, client and replication together.</summary>
    public static double MonthlyGb(PathResult result, WorldSpec world, MonthWorkload month, double hoursPerMonth)
    {
        var (client, replication, _) = Monthly(result, world, month, hoursPerMonth);
        return client + replication;
    }

    /// <summary>
    /// ASSUMPTION A60, for a result that carries no measurement (or a path not run, A100): a client's operations cross
    /// AZs in the share of the primaries outside its AZ (one primary, or a cluster's shard primaries with the keys
    /// spread evenly, A77), and on the self-hosted path every write crosses to each replica of its shard in another AZ.
    /// </summary>
    public static (double ClientGb, double ReplicationGb) Estimate(string path, WorldSpec world, MonthWorkload month, double hoursPerMonth)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(month);
        if (path == DeploymentPaths.Serverless)
        {
            return (0, 0);
        }

        var primaries = Enumerable.Range(0, world.Nodes.Count).Where(i => world.Nodes[i].InitialPrimary).ToList();
        double bytesPerOp = month.ValueBytes + NodeSizing.CommandOverheadBytes;
        double total = world.Clients.Sum(c => c.RateMultiplier);
        double remote = world.Clients.Sum(c => c.RateMultiplier * primaries.Count(p => world.Nodes[p].Az != c.Az) / primaries.Count);
        double clientShare = total > 0 ? remote / total : 0;
        double client = month.Operations(hoursPerMonth) * bytesPerOp * clientShare;
        double remoteReplicas = path == DeploymentPaths.SelfHosted
            ? primaries.Average(p => Enumerable.Range(0, world.Nodes.Count)
                .Count(i => !world.Nodes[i].InitialPrimary && ShardOf(world, i) == ShardOf(world, p) && world.Nodes[i].Az != world.Nodes[p].Az))
            : 0;
        double replication = month.Writes(hoursPerMonth) * bytesPerOp * remoteReplicas;
        return (client / 1e9, replication / 1e9);
    }

    private static int ShardOf(WorldSpec world, int nodeIndex) => world.Cluster?.NodeShards[nodeIndex] ?? 0;

    private static double? Usage(PathResult result, string key)
    {
        foreach (var (name, value) in result.Usage)
        {
            if (name == key)
            {
                return value;
            }
        }

        return null;
    }
}
