using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Scenarios;

/// <summary>
/// What an <c>expect:</c> claim may read beyond its own path's result: every path's result (a claim can compare with
/// another path, <c>"&lt; 0.6x memorydb"</c>) and each path's month of cost, which the reporting layer computes
/// from the <c>month:</c> section and the price table.
/// </summary>
public sealed class ClaimValues
{
    private readonly IReadOnlyList<PathResult> _results;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> _costs;

    /// <param name="results">The paths that ran.</param>
    /// <param name="costs">Per path, each cost metric of <see cref="ScenarioMetrics.CostNames"/> (null: not priced).</param>
    public ClaimValues(
        IReadOnlyList<PathResult> results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>>? costs = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        _results = results;
        _costs = costs ?? new Dictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.Ordinal);
    }

    /// <summary>The result of <paramref name="path"/>, or null when it did not run.</summary>
    public PathResult? Result(string path) => _results.FirstOrDefault(r => r.Path == path);

    /// <summary><paramref name="metric"/> of <paramref name="path"/>, or null when the run has none.</summary>
    public double? Read(string path, string metric)
    {
        if (ScenarioMetrics.IsCost(metric))
        {
            return _costs.TryGetValue(path, out var costs) && costs.TryGetValue(metric, out var value) ? value : null;
        }

        return Result(path) is { } result ? ScenarioMetrics.Read(result, metric) : null;
    }
}
