using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Proxy;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>How to run one real run.</summary>
/// <param name="Binaries">redis-server and redis-sentinel.</param>
/// <param name="PortBase">Ports are taken from here upward, each checked free.</param>
/// <param name="Run">The run's number (1-based).</param>
/// <param name="Directory">Where the run's configuration files and logs end up.</param>
/// <param name="WorkDirectory">Where the processes keep them during the run (tmpfs when available, see <see cref="RealRun"/>).</param>
/// <param name="Seed">Seeds the write schedule's phases (and Poisson gaps).</param>
/// <param name="Mode">What a partition does to a proxied connection.</param>
/// <param name="ConvergenceCap">The longest wait for replication to converge after the last heal (wall clock).</param>
internal sealed record RealRunSettings(RedisBinaries Binaries, int PortBase, int Run, string Directory, string WorkDirectory, int Seed, CutMode Mode, TimeSpan ConvergenceCap)
{
    /// <summary>The driver of the client library under calibration, or null for StackExchange.Redis (in-process).</summary>
    public Drivers.ClientDriver? Driver { get; init; }

    /// <summary>The folder holding <see cref="Driver"/>'s script.</summary>
    public string DriverDirectory { get; init; } = string.Empty;
}
