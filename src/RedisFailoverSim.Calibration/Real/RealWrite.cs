using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>One write of a real run, for the per-write CSV.</summary>
/// <param name="Id">Write id (index in the schedule).</param>
/// <param name="Client">Issuing client's name.</param>
/// <param name="IntendedSeconds">Intended start, seconds from the run's zero.</param>
/// <param name="LatencyMs">Intended start → outcome known.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="AckedBy">The node that acknowledged it, or null.</param>
/// <param name="Present">In the final dataset.</param>
internal sealed record RealWrite(int Id, string Client, double IntendedSeconds, double LatencyMs, WriteOutcome Outcome, string? AckedBy, bool Present);
