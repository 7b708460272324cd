namespace RedisFailoverSim.Calibration.Real;

/// <summary>A node's role as rfsim's observer saw it.</summary>
internal enum ObservedRole
{
    /// <summary>No process (crashed, not restarted).</summary>
    Down,

    /// <summary>SIGSTOPped by a fault.</summary>
    Paused,

    /// <summary>The process runs but did not answer INFO in time.</summary>
    Unresponsive,

    /// <summary><c>role:master</c>.</summary>
    Primary,

    /// <summary><c>role:slave</c>.</summary>
    Replica,
}
