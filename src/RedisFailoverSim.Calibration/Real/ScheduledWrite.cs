namespace RedisFailoverSim.Calibration.Real;

/// <summary>One write of the open workload: when it is meant to start and which client issues it.</summary>
/// <param name="IntendedSeconds">Seconds from the run's zero.</param>
/// <param name="Client">The client's index in the scenario.</param>
internal readonly record struct ScheduledWrite(double IntendedSeconds, int Client);
