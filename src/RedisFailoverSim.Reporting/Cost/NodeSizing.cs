using System.Globalization;
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

    /// <summary>The chosen type and why, or null and the reason no priced type fits.</summary>
    public static (NodeType? Type, string Why) Choose(PriceCatalog prices, string item, MonthWorkload month)
    {
        var engine = item == PriceItems.Ec2Instance ? null : month.Engine;
        var types = prices.PricedTypes(item, engine);
        foreach (var type in types)
        {
            if (UsableGb(type) >= month.DataSizeGb && OpsPerSecond(type, month.ValueBytes) >= month.OpsPeak)
            {
                return (type, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{type.Name}: {UsableGb(type):0.#} GB usable of {type.MemoryGib:0.##} GiB holds {month.DataSizeGb:0.#} GB; serves {OpsPerSecond(type, month.ValueBytes):N0} ops/s >= peak {month.OpsPeak:N0}"));
            }
        }

        var largest = types.Count == 0 ? "no priced type" : types[^1].Name;
        return (null, string.Create(
            CultureInfo.InvariantCulture,
            $"no single {item} type holds {month.DataSizeGb:0.#} GB and serves {month.OpsPeak:N0} ops/s (largest: {largest}); a sharded cluster is not modelled"));
    }
}
