using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// Picks the smallest priced node type that holds the month's data with a quarter of memory reserved and serves its
/// peak (assumptions A57, A58).
/// </summary>
public static class NodeSizing
{
    /// <summary>ElastiCache's <c>reserved-memory-percent</c> default (docs/sources.md §4.2), kept on every path (A57).</summary>
    public const double ReservedMemoryPercent = 25;

    /// <summary>ASSUMPTION A58: a single-threaded engine's order of magnitude of simple commands a second.</summary>
    public const double EngineOpsPerSecond = 100_000;

    /// <summary>ASSUMPTION A2: command overhead on the wire besides the value.</summary>
    public const int CommandOverheadBytes = 40;

    /// <summary>A type's throughput: engine-bound or bandwidth-bound (A58).</summary>
    public static double OpsPerSecond(NodeType type, int valueBytes) =>
        type.BaselineGbps is { } gbps
            ? Math.Min(EngineOpsPerSecond, gbps * 1e9 / 8 / (valueBytes + CommandOverheadBytes))
            : EngineOpsPerSecond;

    /// <summary>Data a type holds, in GB, after the reserved memory.</summary>
    public static double UsableGb(NodeType type) => type.MemoryGib * (1 - (ReservedMemoryPercent / 100)) * 1.073741824;

    /// <summary>
    /// The chosen type and why, or null and the reason no priced type fits. A cluster of <paramref name="shards"/>
    /// shards holds and serves an equal share on each shard's nodes (ASSUMPTION A117: keys spread evenly, A77).
    /// </summary>
    public static (NodeType? Type, string Why) Choose(PriceCatalog prices, string item, MonthWorkload month, int shards = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var engine = item == PriceItems.Ec2Instance ? null : month.Engine;
        var types = prices.PricedTypes(item, engine);
        double dataGb = month.DataSizeGb / shards;
        double peak = month.OpsPeak / shards;
        var perShard = shards == 1 ? "" : Numbers.Count(shards) + " shards, each";
        foreach (var type in types)
        {
            if (UsableGb(type) >= dataGb && OpsPerSecond(type, month.ValueBytes) >= peak)
            {
                var who = shards == 1 ? "" : perShard + " ";
                return (type, $"{type.Name}: {who}{Numbers.Amount(UsableGb(type), 1)} GB usable of {Numbers.Amount(type.MemoryGib, 2)} GiB holds {Numbers.Amount(dataGb, 1)} GB; serves {Numbers.Count(OpsPerSecond(type, month.ValueBytes))} ops/s >= peak {Numbers.Count(peak)}");
            }
        }

        var largest = types.Count == 0 ? "no priced type" : types[^1].Name;
        var what = shards == 1 ? "no single " + item + " type" : "with " + perShard + " no " + item + " type";
        var hint = shards == 1 ? $"; shard it with a cluster: section (simulated on {string.Join(", ", DeploymentPaths.WithClusterMode.SkipLast(1))} and {DeploymentPaths.WithClusterMode[^1]}, priced on every path, A100)" : "; add shards";
        return (null, $"{what} holds {Numbers.Amount(dataGb, 1)} GB and serves {Numbers.Count(peak)} ops/s (largest: {largest}){hint}");
    }
}
