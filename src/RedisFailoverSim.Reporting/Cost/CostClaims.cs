using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>The month's cost per path as the values <c>expect:</c> cost claims read (<see cref="ScenarioMetrics.CostNames"/>).</summary>
public static class CostClaims
{
    /// <summary>What claims read: the results, and each path's cost when the month was priced (null: not priced).</summary>
    public static ClaimValues Values(IReadOnlyList<PathResult> results, IReadOnlyList<PathCost>? costs) =>
        new(results, costs?.ToDictionary(c => c.Path, Metrics, StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, double?> Metrics(PathCost cost) =>
        new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["monthlyCost"] = cost.BestMonthly,
            ["monthlyCostOnDemand"] = cost.OnDemandMonthly,
            ["monthlyCostWithEngineering"] = cost.BestMonthly + (cost.EngineerMonthly ?? 0),
        };
}
