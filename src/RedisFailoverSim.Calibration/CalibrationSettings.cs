namespace RedisFailoverSim.Calibration;

/// <summary>How to calibrate a world (the command line's options once the scenario is loaded).</summary>
/// <param name="Runs">Real runs (at least 1).</param>
/// <param name="ModelSeeds">Model runs, seeds <paramref name="Seed"/>, <paramref name="Seed"/>+1, …</param>
/// <param name="Seed">First model seed; real run r uses seed + r − 1 for its write schedule.</param>
/// <param name="RedisServerPath">redis-server to run, or null to look on PATH.</param>
/// <param name="RedisSentinelPath">redis-sentinel to run, or null to look on PATH.</param>
/// <param name="PortBase">First TCP port to try on 127.0.0.1.</param>
/// <param name="OutDir">Where calibration.json, the CSV files and each real run's configuration and logs go.</param>
/// <param name="MaxWriteRate">Writes per second (all clients) a real run may drive; the scenario's rate is scaled down to it.</param>
/// <param name="ConvergenceCap">The longest wall-clock wait for replication to converge in a real run.</param>
public sealed record CalibrationSettings(
    int Runs,
    int ModelSeeds,
    ulong Seed,
    string? RedisServerPath,
    string? RedisSentinelPath,
    int PortBase,
    string OutDir,
    double MaxWriteRate,
    TimeSpan ConvergenceCap)
{
    /// <summary>
    /// Changes the world the model runs, and only the model (the real runs keep the scenario's): how a test makes a
    /// deliberately wrong model to check that the verdict can fail. Null for every real calibration.
    /// </summary>
    internal Func<Model.Specs.WorldSpec, Model.Specs.WorldSpec>? ModelWorld { get; init; }

    /// <summary>
    /// The client library under calibration (a profile id, <c>rfsim explain client</c>): StackExchange.Redis runs
    /// in-process with the scenario's client settings; any other runs its driver with the library's own defaults, and
    /// the model runs that library's profile.
    /// </summary>
    public string ClientLibrary { get; init; } = Real.Drivers.ClientDrivers.InProcess;
}
