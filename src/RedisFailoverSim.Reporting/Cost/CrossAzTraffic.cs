using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios.Cost;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// Bytes a month that cross AZs, from the scenario's placement (assumption A60): client commands whose client sits
/// in another AZ than the primary, and on the self-hosted path the replication stream to replicas in other AZs.
/// </summary>
public static class CrossAzTraffic
{
    /// <summary>Gigabytes (10^9 bytes) a month crossing AZs on a path.</summary>
    public static double MonthlyGb(string path, WorldSpec world, MonthWorkload month, double hoursPerMonth)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(month);
        if (path == DeploymentPaths.Serverless)
        {
            // Each client uses its own AZ's proxy (A24): nothing it sends crosses an AZ on the customer's bill.
            return 0;
        }

        var primaryAz = world.Nodes.First(n => n.InitialPrimary).Az;
        double bytesPerOp = month.ValueBytes + NodeSizing.CommandOverheadBytes;
        double total = world.Clients.Sum(c => c.RateMultiplier);
        double remote = world.Clients.Where(c => c.Az != primaryAz).Sum(c => c.RateMultiplier);
        double clientShare = total > 0 ? remote / total : 0;
        double bytes = month.Operations(hoursPerMonth) * bytesPerOp * clientShare;
        if (path == DeploymentPaths.SelfHosted)
        {
            int remoteReplicas = world.Nodes.Count(n => !n.InitialPrimary && n.Az != primaryAz);
            bytes += month.Writes(hoursPerMonth) * bytesPerOp * remoteReplicas;
        }

        return bytes / 1e9;
    }
}
