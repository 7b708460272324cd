using System.Collections.Concurrent;
using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Tests.Model;

/// <summary>
/// The exact per-write ledger is the oracle of the compact accounting (Metrics/README.md, issue 7): random
/// scenarios (topology, workload, Redis/Sentinel/client timers, one to four faults of every kind) on all four paths,
/// each run twice: audited (every write kept; the run itself fails if its compact tally disagrees) and compact (the
/// default: only the replication window of each history, no per-write state), and the two results must be the same
/// field for field. Small backlogs, slow full syncs and min-replicas make partial/full resync decisions, pinned
/// snapshots and refusals common. Seeded: a failure names the seed and the scenario that replays it.
/// </summary>
public class CompactAccountingOracleTests
{
    private const int Scenarios = 240;

    private static readonly string[] Azs = ["az-a", "az-b", "az-c"];

    [Fact]
    public void RandomScenarios_ChartRunsReadPresenceFromStamps_SameAsAuditEntryByEntry()
    {
        // A chart run keeps every write's outcome but its nodes keep only their window: which writes survived is read
        // from the final lineage's stamps. The audit reads it entry by entry; every write must be judged the same.
        var failures = new ConcurrentBag<(int Index, string Problem)>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ulong seed = 9_000 + (ulong)i;
            string path = DeploymentPaths.All[i % DeploymentPaths.All.Count];
            var (spec, text) = RandomScenario(seed);
            try
            {
                var audited = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: true) { Audit = true });
                var charted = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: true));
                if (FirstDifference(audited, charted) is { } difference)
                {
                    failures.Add((i, $"seed {seed} {path}: {difference}; scenario: {text}"));
                }
                else if (!audited.Samples!.Lost.SequenceEqual(charted.Samples!.Lost))
                {
                    failures.Add((i, $"seed {seed} {path}: a write judged lost differs; scenario: {text}"));
                }
            }
            catch (InvariantViolatedException e)
            {
                failures.Add((i, $"seed {seed} {path}: {e.Message}; scenario: {text}"));
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.OrderBy(f => f.Index).Select(f => f.Problem)));
    }

    [Fact]
    public void RandomScenarios_240AcrossFourPaths_CompactCountsEqualExactLedger()
    {
        var failures = new ConcurrentBag<(int Index, string Problem)>();
        var lossy = 0;
        var duplicated = 0;
        Parallel.For(0, Scenarios, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ulong seed = 7_000 + (ulong)i;
            string path = DeploymentPaths.All[i % DeploymentPaths.All.Count];
            var (spec, text) = RandomScenario(seed);
            try
            {
                var exact = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });
                var compact = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: false));
                if (FirstDifference(exact, compact) is { } difference)
                {
                    failures.Add((i, $"seed {seed} {path}: {difference}; scenario: {text}"));
                }

                if (exact.Writes.AcknowledgedLost > 0 || exact.Writes.UnknownPresent > 0)
                {
                    Interlocked.Increment(ref lossy);
                }

                if (exact.Writes.Duplicated > 0)
                {
                    Interlocked.Increment(ref duplicated);
                }
            }
            catch (InvariantViolatedException e)
            {
                failures.Add((i, $"seed {seed} {path}: {e.Message}; scenario: {text}"));
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.OrderBy(f => f.Index).Select(f => f.Problem)));

        // The scenarios must exercise what is hard: lost acknowledged writes and unknown writes that landed anyway.
        Assert.True(lossy >= Scenarios / 10, $"only {lossy} of {Scenarios} scenarios lost or recovered a write");

        // And writes applied twice (a re-send after a reconnect while the old node had them).
        Assert.True(duplicated >= Scenarios / 30, $"only {duplicated} of {Scenarios} scenarios applied a write twice");
    }

    /// <summary>The first field (besides samples, which only the exact ledger keeps) where two results differ.</summary>
    internal static string? FirstDifference(PathResult a, PathResult b)
    {
        var fields = new (string Name, object? A, object? B)[]
        {
            ("writes", a.Writes, b.Writes),
            ("failover", a.Failover, b.Failover),
            ("latency", a.Latency, b.Latency),
            ("latencyInFailureWindow", a.LatencyInFailureWindow, b.LatencyInFailureWindow),
            ("failureWindow", a.FailureWindow, b.FailureWindow),
            ("splitBrainSeconds", a.SplitBrainSeconds, b.SplitBrainSeconds),
            ("splitBrainAcknowledgedLost", a.SplitBrainAcknowledgedLost, b.SplitBrainAcknowledgedLost),
            ("failoverCount", a.FailoverCount, b.FailoverCount),
            ("finalEpoch", a.FinalEpoch, b.FinalEpoch),
            ("converged", a.Converged, b.Converged),
            ("endSeconds", a.EndSeconds, b.EndSeconds),
        };
        foreach (var (name, x, y) in fields)
        {
            if (!Equals(x, y))
            {
                return $"{name}: exact {x}, compact {y}";
            }
        }

        return Differs("facts", a.Facts, b.Facts)
            ?? Differs("usage", a.Usage, b.Usage)
            ?? Differs("roles", a.Roles, b.Roles)
            ?? Differs("events", a.Events, b.Events)
            ?? Differs("faults", a.Faults, b.Faults);
    }

    private static string? Differs<T>(string name, IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return $"{name}[{i}]: exact {a[i]}, compact {b[i]}";
            }
        }

        return a.Count == b.Count ? null : $"{name}: exact has {a.Count}, compact {b.Count}";
    }

    /// <summary>A short random scenario drawn from the seed alone, and its description.</summary>
    internal static (WorldSpec Spec, string Text) RandomScenario(ulong seed)
    {
        var random = new RandomStream(seed);
        int nodeCount = 2 + random.Next(4);
        var nodes = Enumerable.Range(1, nodeCount)
            .Select(n => new NodeSpec("n" + n, Azs[(n - 1) % 3], n == 1, ReplicaPriority: random.Next(4) == 0 ? 50 : 100))
            .ToList();
        int sentinelCount = random.Next(2) == 0 ? 3 : 5;
        var sentinels = Enumerable.Range(1, sentinelCount).Select(s => new SentinelSpec("s" + s, Azs[(s - 1) % 3])).ToList();
        int clientCount = 1 + random.Next(4);
        var clients = Enumerable.Range(1, clientCount)
            .Select(c => new ClientSpec("c" + c, Azs[random.Next(3)], random.Next(3) == 0 ? 2.0 : 1.0))
            .ToList();
        long durationS = 20 + random.Next(31);
        double rate = 10 + random.Next(60);
        var workload = new WorkloadSpec(
            rate,
            random.Next(2) == 0 ? ArrivalProcess.Constant : ArrivalProcess.Poisson,
            SimDuration.FromSeconds(durationS),
            10 + random.Next(500),
            []);
        var redis = RedisSettings.Default with
        {
            MinReplicasToWrite = random.Next(4) == 0 ? 1 + random.Next(2) : 0,
            MinReplicasMaxLag = SimDuration.FromSeconds(1 + random.Next(10)),

            // From a few writes to the default megabyte: partial resyncs succeed or not near the window's edge.
            ReplBacklogBytes = random.Next(4) == 0 ? 1024 * 1024 : 200 + random.Next(20_000),
            ReplTimeout = SimDuration.FromSeconds(5 + random.Next(56)),
            ReplPingReplicaPeriod = SimDuration.FromSeconds(1 + random.Next(10)),
            ReplDisklessSyncDelay = SimDuration.FromSeconds(random.Next(6)),

            // Slow full syncs: the stream after the snapshot must outlive the window (pinned snapshots).
            FullSyncBytesPerSecond = 20_000 + random.Next(2_000_000),
            BaseDatasetBytes = random.Next(3) == 0 ? 0 : random.Next(5_000_000),
            Persistence = RandomPersistence(random),
        };
        var sentinel = SentinelSettings.Default with
        {
            Quorum = 1 + random.Next(sentinelCount / 2 + 1),
            DownAfter = SimDuration.FromMilliseconds(1_000 + random.Next(9_000)),
            FailoverTimeout = SimDuration.FromSeconds(10 + random.Next(170)),
        };
        var client = ClientSettings.Default with
        {
            CommandTimeout = SimDuration.FromMilliseconds(500 + random.Next(5_000)),
            FollowSwitchMaster = random.Next(4) != 0,
            DnsTtl = SimDuration.FromSeconds(random.Next(6)),
        };

        // Re-send after a reconnect (at least once, A46) from a stream of its own, so the other draws stay as they
        // were: half the scenarios re-send, some of them with a short dead-socket check that gives up on a paused or
        // cut-off primary whose socket buffer still holds the writes (which it applies later: duplicates).
        var resend = new RandomStream(seed ^ 0x5E5E_5E5E_5E5E_5E5EUL);
        if (resend.Next(2) == 0)
        {
            client = client with { InFlightOnDrop = InFlightOnDrop.Resend };
            if (resend.Next(2) == 0)
            {
                // Lettuce-like: a timeout long enough for the re-send to outlive a failover.
                client = client with { CommandTimeout = SimDuration.FromMilliseconds(10_000 + resend.Next(50_000)) };
            }

            if (resend.Next(4) != 0)
            {
                // Shorter than most command timeouts: the client gives up on the connection while its writes still wait.
                client = client with { DeadSocket = DeadSocketCheck.SilentFor, DeadSocketAfter = SimDuration.FromMilliseconds(200 + resend.Next(800)) };
            }
        }
        var paths = PathSettings.Defaults with
        {
            Serverless = ServerlessSettings.Default with
            {
                // Sometimes tight enough to throttle.
                InitialEcpuPerSecond = random.Next(3) == 0 ? 20 + random.Next(60) : ServerlessSettings.Default.InitialEcpuPerSecond,
                FailureDetection = SimDuration.FromSeconds(2 + random.Next(14)),
            },

            // ElastiCache durability (docs/sources.md §4.8) from a stream of its own: a third each disabled, sync, async.
            ElastiCache = ElastiCacheSettings.Default with
            {
                Durability = ElastiCacheSettings.DurabilityChoices[new RandomStream(seed ^ 0xD0AB_1E00_D0AB_1E00UL).Next(3)].Value,
            },
        };
        var faults = Faults(random, nodes, clients, sentinels, durationS);
        if (client.InFlightOnDrop == InFlightOnDrop.Resend && resend.Next(2) == 0)
        {
            // A paused primary keeps what was sent to it and applies it on resuming: what makes re-sent writes twice.
            faults.Add(Specs.Fault(FaultKind.Pause, 2 + resend.Next((int)durationS), 3 + resend.Next(28), FaultTarget.Primary));
            faults.Sort((a, b) => a.At.CompareTo(b.At));
        }

        var spec = new WorldSpec(
            Azs, nodes, sentinels, clients, workload, faults, NetworkSpec.Default, redis, sentinel, client,
            RunSettings.Default with { ConvergenceBound = SimDuration.FromSeconds(120) }, paths);
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"{nodeCount} nodes, {sentinelCount} sentinels, {clientCount} clients, {rate}/s for {durationS} s, {redis}, " +
            $"quorum {sentinel.Quorum}, down-after {sentinel.DownAfter.TotalMilliseconds} ms, timeout " +
            $"{client.CommandTimeout.TotalMilliseconds} ms, in-flight {client.InFlightOnDrop}, dead-socket {client.DeadSocket} " +
            $"{client.DeadSocketAfter.TotalMilliseconds} ms, elasticache durability {paths.ElastiCache.Durability}; faults: {string.Join("; ", faults.Select(Specs.Describe))}");
        return (spec, text);
    }

    private static List<FaultSpec> Faults(
        RandomStream random, List<NodeSpec> nodes, List<ClientSpec> clients, List<SentinelSpec> sentinels, long durationS)
    {
        string Pick(IReadOnlyList<string> names) => names[random.Next(names.Count)];
        var nodeNames = nodes.Select(n => n.Name).ToList();
        var members = nodeNames.Concat(clients.Select(c => c.Name)).Concat(sentinels.Select(s => s.Name)).ToList();
        FaultTarget NodeOrPrimary() => random.Next(2) == 0 ? FaultTarget.Primary : FaultTarget.Member(Pick(nodeNames));

        var faults = new List<FaultSpec>();
        int count = 1 + random.Next(4);
        for (int i = 0; i < count; i++)
        {
            long at = 2 + random.Next((int)durationS);
            long? duration = 2 + random.Next(40);
            var fault = random.Next(13) switch
            {
                0 => Specs.Fault(FaultKind.Crash, at, random.Next(5) == 0 ? null : duration, NodeOrPrimary()),
                1 => Specs.Fault(FaultKind.PowerOff, at, duration, NodeOrPrimary()),
                2 => Specs.Fault(FaultKind.Pause, at, Math.Min(duration.Value, 30), FaultTarget.Primary),
                3 => Specs.Fault(FaultKind.Isolate, at, duration, random.Next(2) == 0 ? FaultTarget.Az(Pick(Azs)) : FaultTarget.Member(Pick(members))),
                4 or 5 => Partition(at, duration.Value, Pick(Azs)),
                6 => MemberPartition(random, at, duration.Value, members),
                7 => Specs.OneWayFromAz(at, duration.Value, Pick(Azs), random.Next(2)),
                8 => Specs.SlowAz(at, duration.Value, 1 + random.Next(200), Pick(Azs)),
                9 => Specs.AzPower(at, duration.Value, Pick(Azs)),
                10 => Specs.Fault(FaultKind.Reboot, at, Math.Min(duration.Value, 20), FaultTarget.Member(Pick(nodeNames))),
                11 => Specs.Fault(FaultKind.NodeReplacement, at, duration, FaultTarget.Member(Pick(nodeNames))),
                _ => new FaultSpec(FaultKind.TrafficBurst, Specs.At(at), SimDuration.FromSeconds(duration.Value), FaultTarget.Everything, RateMultiplier: 2 + random.Next(4)),
            };
            faults.Add(fault);
        }

        faults.Sort((a, b) => a.At.CompareTo(b.At));
        return faults;
    }

    private static FaultSpec Partition(long at, long duration, string az) =>
        new(FaultKind.Partition, Specs.At(at), SimDuration.FromSeconds(duration), FaultTarget.Split([[az], Azs.Where(a => a != az).ToList()]));

    /// <summary>The Jepsen shape: some members (a primary with clients, say) against the rest.</summary>
    private static FaultSpec MemberPartition(RandomStream random, long at, long duration, List<string> members)
    {
        var side = members.Where(_ => random.Next(3) == 0).ToList();
        if (side.Count == 0)
        {
            side.Add("n1");
        }

        var rest = members.Where(m => !side.Contains(m)).ToList();
        var groups = rest.Count == 0 ? [side] : new List<IReadOnlyList<string>> { side, rest };
        return new(FaultKind.Partition, Specs.At(at), SimDuration.FromSeconds(duration), FaultTarget.Split(groups));
    }

    // Off, each appendfsync policy, or RDB save points short enough to fire within a run: a crash or power loss then
    // cuts the dataset back to what the disk held, which both accountings must count alike.
    private static PersistenceSettings RandomPersistence(Random random) => random.Next(6) switch
    {
        0 => PersistenceSettings.Off,
        1 => new PersistenceSettings(true, AppendFsync.Always, []),
        2 => new PersistenceSettings(true, AppendFsync.Everysec, []),
        3 => new PersistenceSettings(true, AppendFsync.No, []),
        _ => new PersistenceSettings(false, AppendFsync.Everysec, [new SavePoint(SimDuration.FromSeconds(1 + random.Next(8)), 1 + random.Next(200))]),
    };
}
