using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// <c>rfsim calibrate</c> for a scenario with a <c>cluster:</c> section: the model's seeds on the self-hosted path's
/// Redis Cluster, and real runs of a Redis Cluster on loopback (<see cref="RealClusterRun"/>), compared on the
/// promotion time after a primary's crash or a CLUSTER FAILOVER and, when the scenario has clients, on the writes:
/// client-observed failover, acknowledged, lost, failed, unknown and latency, with the Sentinel calibration's rules.
/// </summary>
internal static class ClusterCalibration
{
    // The package's version (3.4.35), not the assembly's (3.0.0): the informational version without its commit suffix.
    private static readonly string ClientVersion = (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(StackExchange.Redis.ConnectionMultiplexer).Assembly)?.InformationalVersion ?? "?").Split('+')[0];

    /// <summary>
    /// What keeps a cluster scenario from being calibrated: one fault, a crash of a shard's initial primary, a CLUSTER
    /// FAILOVER on a replica, or a partition (isolate, partition) with a duration; a flat rate.
    /// </summary>
    public static IReadOnlyList<string> Problems(WorldSpec world)
    {
        var cluster = world.Cluster!;
        var problems = new List<string>();
        var fault = world.Faults.Count == 1 ? world.Faults[0] : null;
        bool crash = fault is { Kind: FaultKind.Crash, Duration: null };
        bool manual = fault is { Kind: FaultKind.ClusterFailover };
        bool partition = fault is not null && RealClusterRun.IsPartition(fault);
        if (!crash && !manual && !partition)
        {
            problems.Add("a Redis Cluster is calibrated on one fault, a crash without restart (kind: crash, no duration), a CLUSTER FAILOVER (kind: cluster-failover) or a partition with a duration (kind: isolate or partition), so far");
        }
        else if (partition)
        {
            if (fault!.Duration is null)
            {
                problems.Add($"line {fault.SourceLine}: a partition is calibrated with a duration (the proxies heal it at at + duration, and the final dataset is read once every shard has one primary again)");
            }
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
        bool partition = RealClusterRun.IsPartition(world.Faults[0]);
        string measuredBy = manual ? "CLUSTER FAILOVER, then ROLE on the replica every 1 ms"
            : partition ? "the cut, then ROLE on every initial replica every 10 ms (over its real port), until 5 s after the heal"
            : "kill -9, then ROLE on the shard's replicas every 10 ms";
        var binaries = RedisBinaries.Find(settings.RedisServerPath, settings.RedisSentinelPath);
        var notes = new List<string>
        {
            $"Redis Cluster: {binaries.Version} in cluster mode on 127.0.0.1, {world.Cluster!.Shards} shards x {world.Cluster.NodesPerShard} nodes, cluster-node-timeout {(world.Cluster.Settings.NodeTimeout.Nanoseconds / 1_000_000).ToString(CultureInfo.InvariantCulture)} ms; the promotion is measured by {measuredBy}; {(world.Clients.Count > 0 ? $"{world.Clients.Count} clients (StackExchange.Redis {ClientVersion} in cluster mode, every node an endpoint) run the workload, each write adding its id to the set at its key (drawn from the scenario's key space as the model draws it), and the final dataset is every shard primary's sets" : "the scenario has no clients, so writes are the model's alone")}",
            partition
                ? "partition: every node announces a front proxy for its data port and one for its cluster bus (cluster-announce-port, cluster-announce-bus-port), and each proxy knows which redis-server dialled it (by its pid), so node X's bus link to node Y is cut as X → Y and a replica's replication link as replica → primary; each client reaches each node through a proxy of its own (its tunnel maps the announced port to it), which holds a new connection across a cut until the heal; a cut black-holes bytes and closes, and the heal delivers what was held"
                : "no proxies: the bus and the clients run on loopback",
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
            var outcome = RealClusterRun.Execute(world, binaries, settings.PortBase, directory, run, unchecked((int)(settings.Seed + (ulong)run - 1)), progress, cancellation);
            probes.AddRange(outcome.ProbeRoundTripsMs);
            notes.AddRange(outcome.Notes);
            var m = outcome.Metrics;
            progress.WriteLine($"  promotion {(m.PromotionSeconds is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "none")} s after {(manual ? "CLUSTER FAILOVER" : partition ? "the cut" : "kill -9")}{(m.NewPrimary is null ? "" : ", " + m.NewPrimary)}"
                + (world.Clients.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; first ack by it {(m.ClientObservedSeconds is { } c ? c.ToString("0.000", CultureInfo.InvariantCulture) : "none")} s, acked {m.Acknowledged}, lost {m.AcknowledgedLost}, failed {m.Failed}, unknown {m.Unknown}, P99 {m.LatencyP99Ms:0.#} ms")));
            if (outcome.Reasons.Count > 0)
            {
                notes.Add($"real run {run}: writes failed or unknown because " + string.Join(", ", outcome.Reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} x{r.Value}")));
            }

            real.Add(m);
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

        if (partition)
        {
            // The proxies forward a cut's held bytes at the heal, not at the kernel's next RTO expiry (A35): the model's
            // cut links do the same, as the Sentinel calibration's do (Calibrator).
            measured = measured with { Network = measured.Network with { RetransmitAtHeal = true } };
            notes.Add("the model's cut links deliver the data they held at the heal, as the test bed's proxies do, where kernels would wait for their next retransmission timeout (docs/sources.md §11.17)");
        }

        var seeds = Enumerable.Range(0, settings.ModelSeeds).Select(i => settings.Seed + (ulong)i).ToList();
        progress.WriteLine($"model: {seeds.Count} seeds from {settings.Seed}");
        var model = ModelRuns.Run(settings.ModelWorld is { } change ? change(measured) : measured, seeds);

        var modelMetrics = model.Select(m => m.Metrics).ToList();
        var floor = manual ? Comparison.ManualFailoverFloorSeconds : Comparison.TimeFloorSeconds;
        var rows = world.Clients.Count > 0 ? Comparison.ClusterRowsWithWrites(modelMetrics, real, floor) : Comparison.ClusterRows(modelMetrics, real, floor);
        return new CalibrationReport(scenarioName, scenarioSha256, binaries.Version, world.Workload.RatePerClient, world.Workload.RatePerClient, rows, modelMetrics, real, rows.All(r => r.Agrees != false), notes)
        {
            ModelNodes = model.Count > 0 ? model[0].Result.Nodes : [],
            IsCluster = true,
        };
    }
}
