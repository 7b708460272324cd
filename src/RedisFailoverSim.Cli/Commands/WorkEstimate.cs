using System.Globalization;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// What a run will cost before it starts, from the scenario alone: writes, engine events, wall time and memory.
/// A rough, deliberately cautious figure (it decides whether to ask for <c>--force</c>, nothing else): the per-write
/// event counts and bytes are this engine's own, measured with <c>bench -- scenarios</c> (bench/README.md) on the
/// bundled scenarios and rounded up; the event rate is below the slowest path measured there, for Debug builds.
/// </summary>
internal sealed record WorkEstimate(long Writes, double Events, double WallSeconds, double MemoryBytes)
{
    /// <summary>Events the engine fires per wall second, taken low (bench/README.md measured 2.5–9 M in Release).</summary>
    public const double EventsPerSecond = 2e6;

    /// <summary>The process before any write: runtime, loaded model, one path's world.</summary>
    public const double BaseBytes = 100e6;

    /// <summary>Bytes per write of the audit (<c>--audit</c>: every node keeps every write): about 175 measured.</summary>
    public const double ExactLedgerBytesPerWrite = 200;

    /// <summary>
    /// Bytes per write while a chart run's path runs: its ledger's columns (30 B measured, serverless-burst) and the
    /// samples built from them at the end, rounded up.
    /// </summary>
    public const double ChartLedgerBytesPerWrite = 40;

    /// <summary>Bytes per write of a finished path's chart samples, kept until the charts are drawn (7 B measured).</summary>
    public const double SampleBytesPerWrite = 8;

    /// <summary>
    /// With a record of every write, MemoryDB's log snapshots keep every entry too: about 270 B per write measured
    /// (serverless-burst). A compact run folds the log (A40) and stays flat.
    /// </summary>
    public const double MemoryDbLogBytesPerWrite = 300;

    /// <summary>
    /// Estimates one run of <paramref name="paths"/> on <paramref name="world"/>: audited, or keeping every write for
    /// the charts (<paramref name="charts"/>), or neither (flat memory).
    /// </summary>
    public static WorkEstimate For(WorldSpec world, IReadOnlyList<string> paths, bool audit, bool charts = false)
    {
        ArgumentNullException.ThrowIfNull(world);
        long writes = RunCommand.PlannedWrites(world);
        double horizon = HorizonSeconds(world);
        double events = 0;
        double memory = BaseBytes;
        double earlierSamples = 0;
        foreach (var path in paths)
        {
            events += (writes * EventsPerWrite(path, world)) + (horizon * BackgroundEventsPerSecond(path, world));
            double perWrite = audit
                ? ExactLedgerBytesPerWrite + (path == "memorydb" ? MemoryDbLogBytesPerWrite : 0)
                : charts ? ChartLedgerBytesPerWrite : 0;
            memory = Math.Max(memory, BaseBytes + earlierSamples + (writes * perWrite));
            earlierSamples += audit || charts ? writes * SampleBytesPerWrite : 0;
        }

        return new WorkEstimate(writes, events, events / EventsPerSecond, memory);
    }

    /// <summary>This estimate repeated <paramref name="replications"/> times over <paramref name="parallel"/> workers.</summary>
    public WorkEstimate Times(long replications, int parallel) => this with
    {
        Writes = Writes * replications,
        Events = Events * replications,
        WallSeconds = WallSeconds * replications / Math.Max(1, Math.Min(parallel, Math.Max(1, replications))),
        MemoryBytes = BaseBytes + ((MemoryBytes - BaseBytes) * Math.Min(parallel, Math.Max(1, replications))),
    };

    /// <summary>"about 2 h 10 min", "about 40 s".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Max(1, Math.Round(seconds)):0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Round(seconds / 60):0} min"),
        < 48 * 3600 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Floor(seconds / 3600):0} h {Math.Round(seconds % 3600 / 60):0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"about {seconds / 86400:N0} days"),
    };

    /// <summary>"1.2 GB", "380 MB".</summary>
    public static string Bytes(double bytes) => bytes >= 1e9
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:N1} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N0} MB");

    /// <summary>The simulated time a run covers: the workload, every fault's heal, and the convergence wait.</summary>
    private static double HorizonSeconds(WorldSpec world)
    {
        double end = world.Workload.Duration.TotalSeconds;
        foreach (var fault in world.Faults)
        {
            end = Math.Max(end, (fault.HealsAt ?? fault.At).Nanoseconds / 1e9);
        }

        return end + world.Run.ConvergenceBound.TotalSeconds;
    }

    // Client → network → primary → reply, plus one replication message per replica (bench/README.md: about 5 events
    // per write on the node-based paths, 12 on MemoryDB with its log).
    private static double EventsPerWrite(string path, WorldSpec world) => path switch
    {
        "memorydb" => 10 + world.Nodes.Count,
        "serverless" => 4 + world.Nodes.Count,
        _ => 2 + world.Nodes.Count,
    };

    // Sentinels PING every instance and every other Sentinel each second and say hello every 2 s (docs/sources.md
    // §2.1): about three events per pair per second, which dominates a scenario with thousands of Sentinels.
    private static double BackgroundEventsPerSecond(string path, WorldSpec world) => path == "self-hosted"
        ? 3.0 * world.Sentinels.Count * (world.Sentinels.Count + world.Nodes.Count)
        : 10.0 * world.Nodes.Count;
}
