using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// <c>rfsim calibrate</c> for a scenario with a <c>cluster:</c> section: the model's seeds on the self-hosted path's
/// Redis Cluster, and real runs of a Redis Cluster on loopback (<see cref="RealClusterCrash"/>), compared on the
/// promotion time after a primary's crash. The real side has no clients yet, so writes, loss and client-observed
/// failover are the model's alone.
/// </summary>
internal static class ClusterCalibration
{
    /// <summary>What keeps a cluster scenario from being calibrated: one crash of a shard's initial primary, a flat rate.</summary>
    public static IReadOnlyList<string> Problems(WorldSpec world)
    {
        var cluster = world.Cluster!;
        var problems = new List<string>();
        if (world.Faults.Count != 1 || world.Faults[0].Kind != FaultKind.Crash || world.Faults[0].Duration is not null)
        {
            problems.Add("a Redis Cluster is calibrated on one fault, a crash without restart (kind: crash, no duration), so far");
        }
        else if (world.Faults[0].Target.Kind != FaultTargetKind.Member
            || world.Nodes.ToList().FindIndex(n => n.Name == world.Faults[0].Target.Name) is var i && (i < 0 || i % cluster.NodesPerShard != 0))
        {
            problems.Add($"line {world.Faults[0].SourceLine}: the crash must name a shard's initial primary (n1.1, n2.1, …)");
        }

        if (world.Workload.Phases.Count > 0)
        {
            problems.Add("workload phases (rate changes) are not reproduced by calibrate yet; use a flat rate");
        }

        return problems;
    }

    /// <summary>Calibrates <paramref name="world"/> (a cluster scenario that passed <see cref="Problems"/>).</summary>
    public static CalibrationReport Run(string scenarioName, string? scenarioSha256, WorldSpec world, CalibrationSettings settings, TextWriter progress, CancellationToken cancellation)
    {
        var problems = Problems(world);
        if (problems.Count > 0)
        {
            throw new CalibrationSetupException("this scenario cannot be calibrated:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        var binaries = RedisBinaries.Find(settings.RedisServerPath, settings.RedisSentinelPath);
        var notes = new List<string>
        {
            $"Redis Cluster: {binaries.Version} in cluster mode on 127.0.0.1, {world.Cluster!.Shards} shards x {world.Cluster.NodesPerShard} nodes, cluster-node-timeout {(world.Cluster.Settings.NodeTimeout.Nanoseconds / 1_000_000).ToString(CultureInfo.InvariantCulture)} ms; the real side measures the promotion only (kill -9, then ROLE on the shard's replicas every 10 ms), no clients and no proxies yet, so writes, loss and client-observed failover are the model's alone",
        };
        foreach (string note in notes)
        {
            progress.WriteLine("note: " + note);
        }

        var seeds = Enumerable.Range(0, settings.ModelSeeds).Select(i => settings.Seed + (ulong)i).ToList();
        progress.WriteLine($"model: {seeds.Count} seeds from {settings.Seed}");
        var modelWorld = settings.ModelWorld is { } change ? change(world) : world;
        var model = ModelRuns.Run(modelWorld, seeds);
        var real = new List<RunMetrics>();
        for (int run = 1; run <= settings.Runs; run++)
        {
            cancellation.ThrowIfCancellationRequested();
            progress.WriteLine($"real run {run}/{settings.Runs} ({binaries.Version}, cluster mode)");
            string directory = Path.Combine(settings.OutDir, "real-run-" + run.ToString(CultureInfo.InvariantCulture));
            var (promotion, promoted) = RealClusterCrash.Execute(world, binaries, settings.PortBase, directory, progress, cancellation);
            progress.WriteLine($"  promotion {(promotion is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "none")} s after kill -9{(promoted is null ? "" : ", " + promoted)}");
            real.Add(new RunMetrics("real", (ulong)run, promotion is not null, promoted, null, promotion, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true));
        }

        var modelMetrics = model.Select(m => m.Metrics).ToList();
        var rows = Comparison.ClusterRows(modelMetrics, real);
        return new CalibrationReport(scenarioName, scenarioSha256, binaries.Version, world.Workload.RatePerClient, world.Workload.RatePerClient, rows, modelMetrics, real, rows.All(r => r.Agrees != false), notes)
        {
            ModelNodes = model.Count > 0 ? model[0].Result.Nodes : [],
        };
    }
}
