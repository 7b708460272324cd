using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// Serverless against the node-based cluster sized for the month, as the cluster's average utilisation (average
/// operations over what its primary serves, A58) goes from 0 to 100%: the practitioners' "~25%" break-even, checked.
/// </summary>
/// <param name="NodeType">The ElastiCache node type of the cluster.</param>
/// <param name="NodeCount">Its nodes.</param>
/// <param name="CapacityOpsPerSecond">What the primary serves (A58).</param>
/// <param name="ReservedMonthly">The cluster reserved 3 years all upfront, a month (flat in utilisation).</param>
/// <param name="OnDemandMonthly">The cluster on demand, a month.</param>
/// <param name="ServerlessStorageMonthly">Serverless storage for the data, a month (flat).</param>
/// <param name="ServerlessPerUtilisation">Serverless ECPUs a month at 100% utilisation.</param>
public sealed record BreakEven(
    string NodeType,
    int NodeCount,
    double CapacityOpsPerSecond,
    double ReservedMonthly,
    double OnDemandMonthly,
    double ServerlessStorageMonthly,
    double ServerlessPerUtilisation)
{
    /// <summary>Serverless a month at a utilisation from 0 to 1.</summary>
    public double ServerlessMonthly(double utilisation) => ServerlessStorageMonthly + (ServerlessPerUtilisation * utilisation);

    /// <summary>The utilisation where Serverless costs what the reserved cluster does (may be below 0 or above 1).</summary>
    public double ReservedBreakEven => (ReservedMonthly - ServerlessStorageMonthly) / ServerlessPerUtilisation;

    /// <summary>The same against the cluster on demand.</summary>
    public double OnDemandBreakEven => (OnDemandMonthly - ServerlessStorageMonthly) / ServerlessPerUtilisation;

    /// <summary>The comparison for a month and the ElastiCache cost already computed, or null when either is unpriced.</summary>
    public static BreakEven? For(PathCost elastiCache, PathCost serverless, MonthWorkload month, PriceCatalog prices)
    {
        ArgumentNullException.ThrowIfNull(elastiCache);
        ArgumentNullException.ThrowIfNull(serverless);
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(prices);
        if (elastiCache.NodeType is null || elastiCache.ReservedMonthly is not { } reserved || elastiCache.OnDemandMonthly is not { } onDemand
            || serverless.Unpriced is not null || prices.Node(elastiCache.NodeType) is not { } type)
        {
            return null;
        }

        var storage = serverless.Lines.First(l => l.Price.Item == PriceItems.ServerlessStorage).Monthly;
        var ecpuLine = serverless.Lines.First(l => l.Price.Item == PriceItems.ServerlessEcpu);
        double operations = month.Operations(prices.HoursPerMonth);
        double perRequest = operations > 0 ? ecpuLine.Quantity * 1e6 / operations : Math.Max(1, month.ValueBytes / 1024.0);
        double capacity = NodeSizing.OpsPerSecond(type, month.ValueBytes);
        double full = capacity * prices.HoursPerMonth * 3600 * perRequest / 1e6 * ecpuLine.UnitPrice;

        // Cross-AZ lines are left out on both sides: this compares what the two services charge.
        double crossAz = elastiCache.Lines.Where(l => l.Price.Item == PriceItems.CrossAzTransfer).Sum(l => l.Monthly);
        return new BreakEven(type.Name, elastiCache.NodeCount, capacity, reserved - crossAz, onDemand - crossAz, storage, full);
    }
}
