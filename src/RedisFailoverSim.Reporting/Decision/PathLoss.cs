using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Decision;

/// <summary>Acknowledged writes a path lost under the scenario's faults, over one or more seeds.</summary>
/// <param name="Path">The deployment path.</param>
/// <param name="LostMean">Mean acknowledged writes lost per run.</param>
/// <param name="LostCi95">Half-width of the 95% confidence interval of that mean (0 for one run).</param>
/// <param name="AcknowledgedMean">Mean acknowledged writes per run.</param>
/// <param name="Runs">Seeds run.</param>
/// <param name="LostMax">The most any run lost.</param>
public sealed record PathLoss(string Path, double LostMean, double LostCi95, double AcknowledgedMean, int Runs, long LostMax)
{
    /// <summary>Losses of each path over the runs (one list of results per seed, paths in the same order).</summary>
    public static IReadOnlyList<PathLoss> Of(IReadOnlyList<IReadOnlyList<PathResult>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs[0].Select((first, i) =>
        {
            var lost = runs.Select(r => (double)r[i].Writes.AcknowledgedLost).ToArray();
            var acked = runs.Average(r => (double)r[i].Writes.Acknowledged);
            double mean = lost.Average();
            double ci = 0;
            if (lost.Length > 1)
            {
                double variance = lost.Sum(x => (x - mean) * (x - mean)) / (lost.Length - 1);
                ci = 1.96 * Math.Sqrt(variance / lost.Length);
            }

            return new PathLoss(first.Path, mean, ci, acked, lost.Length, runs.Max(r => r[i].Writes.AcknowledgedLost));
        }).ToList();
    }
}
