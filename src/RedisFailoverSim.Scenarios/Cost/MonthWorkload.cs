namespace RedisFailoverSim.Scenarios.Cost;

/// <summary>
/// A month of the workload, for sizing and cost (a scenario's <c>month:</c> section): what the simulated minutes
/// stand for when they are billed.
/// </summary>
/// <param name="DataSizeGb">Data held, in GB (10^9 bytes).</param>
/// <param name="OpsAverage">Average operations a second while active.</param>
/// <param name="OpsPeak">Peak operations a second (sizing serves it).</param>
/// <param name="Shape">How the operations spread over a day.</param>
/// <param name="ActiveHoursPerDay">Hours a day with operations (24 unless the shape is office hours).</param>
/// <param name="ReadFraction">Share of operations that are reads (0 = writes only, like the simulated stream).</param>
/// <param name="ValueBytes">Bytes a read or write moves (default: the workload's value size).</param>
/// <param name="Engine"><c>valkey</c> or <c>redis-oss</c>: which prices apply.</param>
public sealed record MonthWorkload(
    double DataSizeGb,
    double OpsAverage,
    double OpsPeak,
    MonthShape Shape,
    double ActiveHoursPerDay,
    double ReadFraction,
    int ValueBytes,
    string Engine)
{
    /// <summary>Seconds with operations in a month of <paramref name="hoursPerMonth"/> hours.</summary>
    public double ActiveSeconds(double hoursPerMonth) => hoursPerMonth * 3600 * ActiveHoursPerDay / 24;

    /// <summary>Operations in such a month.</summary>
    public double Operations(double hoursPerMonth) => OpsAverage * ActiveSeconds(hoursPerMonth);

    /// <summary>Writes in such a month.</summary>
    public double Writes(double hoursPerMonth) => Operations(hoursPerMonth) * (1 - ReadFraction);

    /// <summary>Reads in such a month.</summary>
    public double Reads(double hoursPerMonth) => Operations(hoursPerMonth) * ReadFraction;
}
