using RedisFailoverSim.Engine.Random;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// What a sweep is a pure function of: the scenario file, the master seed, the replications per point, the paths,
/// the varied settings, and the tool that ran them. Two partial results merge only when their setups agree.
/// </summary>
/// <param name="ScenarioName">The scenario's <c>name:</c>.</param>
/// <param name="ScenarioDescription">The scenario's <c>description:</c>.</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the scenario file's bytes.</param>
/// <param name="ScenarioFile">The scenario's file name, without its folder (so where it ran does not matter).</param>
/// <param name="Seed">The master seed S; replication i runs with <see cref="ReplicationSeed"/>(S, i).</param>
/// <param name="Runs">Replications per grid point and path.</param>
/// <param name="Tool">The tool's name, version and commit.</param>
/// <param name="Paths">The paths, in report order.</param>
/// <param name="Axes">The varied settings (zero, one or two), in command-line order.</param>
public sealed record SweepSetup(
    string ScenarioName,
    string ScenarioDescription,
    string ScenarioSha256,
    string ScenarioFile,
    ulong Seed,
    int Runs,
    ToolInfo Tool,
    IReadOnlyList<string> Paths,
    IReadOnlyList<SweepAxis> Axes)
{
    /// <summary>The grid points, first axis outermost.</summary>
    public IReadOnlyList<SweepPoint> Points { get; } = SweepPoint.Grid(Axes);

    /// <summary>
    /// The seed of replication <paramref name="replication"/>: SplitMix64 over (master seed, "replication", index),
    /// the Engine's sub-stream derivation. The same for every grid point and path, so points and paths are compared
    /// on the same random draws (common random numbers) and a replication is replayed by
    /// <c>rfsim run &lt;scenario&gt; --seed &lt;that seed&gt;</c>.
    /// </summary>
    public static ulong ReplicationSeed(ulong seed, int replication) =>
        RandomStreams.DeriveSeed(seed, "replication", replication);
}
