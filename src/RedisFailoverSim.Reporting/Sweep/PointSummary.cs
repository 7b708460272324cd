namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>Every path's distributions at one grid point.</summary>
/// <param name="Point">The grid point.</param>
/// <param name="Paths">One summary per path, in report order.</param>
public sealed record PointSummary(SweepPoint Point, IReadOnlyList<PathSummary> Paths);
