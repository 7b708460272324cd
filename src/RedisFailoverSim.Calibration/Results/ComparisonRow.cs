namespace RedisFailoverSim.Calibration.Results;

/// <summary>One metric, model beside reality: means and ranges over the runs, the difference and the verdict.</summary>
/// <param name="Metric">Stable name, e.g. <c>controlPlaneFailoverSeconds</c>.</param>
/// <param name="Label">Plain words for the table, e.g. <c>control-plane failover (s)</c>.</param>
/// <param name="ModelMean">Mean over the model's seeds that have a value, or null.</param>
/// <param name="ModelMin">Smallest model value.</param>
/// <param name="ModelMax">Largest model value.</param>
/// <param name="ModelCount">Model seeds with a value.</param>
/// <param name="RealMean">Mean over the real runs that have a value, or null.</param>
/// <param name="RealMin">Smallest real value.</param>
/// <param name="RealMax">Largest real value.</param>
/// <param name="RealCount">Real runs with a value.</param>
/// <param name="Difference">Model mean − real mean, or null.</param>
/// <param name="DifferencePercent">The difference relative to the real mean, or null when the real mean is 0.</param>
/// <param name="Tolerance">For a band centred on the real mean, its half-width: the largest |difference| that still
/// counts as agreement; null for the P99 band (not centred) and informational rows.</param>
/// <param name="AgreeLow">The smallest model mean that agrees (from the real runs), or null when not judged.</param>
/// <param name="AgreeHigh">The largest model mean that agrees, or null when not judged.</param>
/// <param name="ToleranceRule">How the tolerance is computed, in words.</param>
/// <param name="Agrees">True/false for the rows that decide the exit code; null for informational rows.</param>
public sealed record ComparisonRow(
    string Metric,
    string Label,
    double? ModelMean,
    double? ModelMin,
    double? ModelMax,
    int ModelCount,
    double? RealMean,
    double? RealMin,
    double? RealMax,
    int RealCount,
    double? Difference,
    double? DifferencePercent,
    double? Tolerance,
    double? AgreeLow,
    double? AgreeHigh,
    string ToleranceRule,
    bool? Agrees);
