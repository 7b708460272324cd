using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// <c>rfsim calibrate</c> for a scenario with a <c>cluster:</c> section: the model's seeds on the self-hosted path's
/// Redis Cluster, and real runs of a Redis Cluster on loopback (<see cref="RealClusterRun"/>), compared on the
/// promotion time after a primary's crash or a CLUSTER FAILOVER. The real side has no clients yet, so writes, loss and client-observed
/// failover are the model's alone.
/// </summary>
internal static class ClusterCalibration
{
    /// <summary>What keeps a cluster scenario from being calibrated: one crash of a shard's initial primary, a flat rate.</summary>
    public static IReadOnlyList<string> Problems(WorldSpec world)
    {
        var cluster = world.Cluster!;
        var problems = new List<string>();
        var fault = world.Faults.Count == 1 ? world.Faults[0] : null;
        bool crash = fault is { Kind: FaultKind.Crash, Duration: null };
        bool manual = fault is { Kind: FaultKind.ClusterFailover };
        if (!crash && !manual)
        {
            problems.Add("a Redis Cluster is calibrated on one fault, a crash without restart (kind: crash, no duration) or a CLUSTER FAILOVER (kind: cluster-failover), so far");
        }
        else if (fault!.Target.Kind != FaultTargetKind.Member
            || world.Nodes.ToList().FindIndex(n => n.Name == fault.Target.Name) is var i && (i < 0 || (i % cluster.NodesPerShard == 0) != crash))
        {
            problems.Add(crash
                ? $"line {fault.SourceLine}: the crash must name a shard's initial primary (n1.1, n2.1, …)"
                : $"line {fault.SourceLine}: the cluster-failover must name a replica of a shard (n1.2, n2.3, …)");
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

        bool manual = world.Faults[0].Kind == FaultKind.ClusterFailover;
        var binaries = RedisBinaries.Find(settings.RedisServerPath, settings.RedisSentinelPath);
        var notes = new List<string>
        {
            $"Redis Cluster: {binaries.Version} in cluster mode on 127.0.0.1, {world.Cluster!.Shards} shards x {world.Cluster.NodesPerShard} nodes, cluster-node-timeout {(world.Cluster.Settings.NodeTimeout.Nanoseconds / 1_000_000).ToString(CultureInfo.InvariantCulture)} ms; the real side measures the promotion only ({(manual ? "CLUSTER FAILOVER, then ROLE on the replica every 1 ms" : "kill -9, then ROLE on the shard's replicas every 10 ms")}), no clients and no proxies yet, so writes, loss and client-observed failover are the model's alone",
        };
        foreach (string note in notes)
        {
            progress.WriteLine("note: " + note);
        }

        var real = new List<RunMetrics>();
        var probes = new List<double>();
        for (int run = 1; run <= settings.Runs; run++)
        {
            cancellation.ThrowIfCancellationRequested();
            progress.WriteLine($"real run {run}/{settings.Runs} ({binaries.Version}, cluster mode)");
            string directory = Path.Combine(settings.OutDir, "real-run-" + run.ToString(CultureInfo.InvariantCulture));
            var outcome = RealClusterRun.Execute(world, binaries, settings.PortBase, directory, progress, cancellation);
            probes.AddRange(outcome.ProbeRoundTripsMs);
            progress.WriteLine($"  promotion {(outcome.PromotionSeconds is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "none")} s after {(manual ? "CLUSTER FAILOVER" : "kill -9")}{(outcome.NewPrimary is null ? "" : ", " + outcome.NewPrimary)}");
            real.Add(new RunMetrics("real", (ulong)run, outcome.PromotionSeconds is not null, outcome.NewPrimary, null, outcome.PromotionSeconds, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true));
        }

        // The model runs after the real runs, on the loopback network they measured (TestBedNetwork, A107): a manual
        // failover is a few one-way bus messages, so the AWS delays of the scenario would set its time.
        var testBed = TestBedNetwork.Fit(probes);
        var measured = testBed is null ? world : world with { Network = testBed.Spec() };
        if (testBed is not null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the model runs on the test bed's network: {testBed.Probes} PINGs to the shard's primary before the fault took {testBed.RoundTripP50Ms:0.###} ms (P50) and {testBed.RoundTripP99Ms:0.###} ms (P99) there and back, so every model link has a log-normal one-way delay of median {testBed.OneWayMedianMs:0.####} ms and sigma {testBed.Sigma:0.###} (assumption A107)"));
            progress.WriteLine("note: " + notes[^1]);
        }

        var seeds = Enumerable.Range(0, settings.ModelSeeds).Select(i => settings.Seed + (ulong)i).ToList();
        progress.WriteLine($"model: {seeds.Count} seeds from {settings.Seed}");
        var model = ModelRuns.Run(settings.ModelWorld is { } change ? change(measured) : measured, seeds);

        var modelMetrics = model.Select(m => m.Metrics).ToList();
        var rows = Comparison.ClusterRows(modelMetrics, real, manual ? Comparison.ManualFailoverFloorSeconds : Comparison.TimeFloorSeconds);
        return new CalibrationReport(scenarioName, scenarioSha256, binaries.Version, world.Workload.RatePerClient, world.Workload.RatePerClient, rows, modelMetrics, real, rows.All(r => r.Agrees != false), notes)
        {
            ModelNodes = model.Count > 0 ? model[0].Result.Nodes : [],
        };
    }
}
