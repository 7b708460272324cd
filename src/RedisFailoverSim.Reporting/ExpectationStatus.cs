namespace RedisFailoverSim.Reporting;

/// <summary>The verdict on one <c>expect:</c> claim.</summary>
public enum ExpectationStatus
{
    /// <summary>The claim is true of the run.</summary>
    Held,

    /// <summary>The claim is false of the run, or its metric had no value (e.g. no failover happened).</summary>
    Failed,

    /// <summary>The claim's path did not run (not requested, or not available yet): no verdict.</summary>
    Skipped,
}
