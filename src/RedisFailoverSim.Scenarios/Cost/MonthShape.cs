namespace RedisFailoverSim.Scenarios.Cost;

/// <summary>How a workload's operations spread over a day (assumption A61).</summary>
public enum MonthShape
{
    /// <summary>The average rate all day.</summary>
    Steady,

    /// <summary>The average rate for the active hours of each day ("9-to-5"), nothing otherwise.</summary>
    OfficeHours,

    /// <summary>The average rate over the day, with bursts to the peak.</summary>
    Bursty,
}
