using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// ElastiCache with cluster mode enabled (docs/sources.md §4.9): the cluster bus promotes (its timings are the bus's
/// mechanism, cluster_legacy.c, not the cluster-mode-disabled control plane's), ElastiCache's full coverage no keeps
/// the other shards writing, the control plane replaces a failed node in its own AZ (A141) and fences a primary it cut
/// off while it still ran (A19).
/// </summary>
public sealed partial class ElastiCacheClusterTests
{
    private const double NodeTimeout = 15.0;
    private const double CrashAt = 20.0;

    private static WorldSpec Bundled(string name, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(RepositoryFiles.Bundled(name));
        text = edit?.Invoke(text) ?? text;
        return ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), name).World;
    }

    private static PathResult Run(WorldSpec world, ulong seed) =>
        DeploymentPaths.Run(DeploymentPaths.ElastiCache, world, seed, new RunOptions(KeepSamples: false));

    private static double At(PathResult result, Regex line, string? source = null) =>
        result.Events.First(e => e.Kind == "cluster" && (source is null || e.Source == source) && line.IsMatch(e.Text)).Seconds;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(42UL)]
    public void ShardPrimaryCrash_BusPromotes_WithinNodeTimeoutFailGossipAndRankDelay(ulong seed)
    {
        var result = Run(Bundled("cluster-primary-crash.yaml"), seed);
        var winner = result.Failover!.NewPrimary;
        double promotedAt = CrashAt + result.Failover.ControlPlaneSeconds;

        // PFAIL: a ping waited longer than node-timeout; the ping goes out once the last pong is node-timeout / 2 old
        // (clusterCron), so the first PFAIL comes node-timeout to 1.5 x node-timeout after the crash (docs/sources.md §3.3).
        double pfail = At(result, PfailOfFirstPrimary());
        Assert.InRange(pfail - CrashAt, NodeTimeout - 0.01, (1.5 * NodeTimeout) + 0.2);

        // FAIL once a majority of the primaries' reports (valid for 2 x node-timeout) reached one node, by gossip.
        double fail = At(result, MarkedFailing());
        Assert.InRange(fail - pfail, 0, 2 * NodeTimeout);

        // The winner learns FAIL, then at its next 100 ms cron delays its election 500-999 ms plus 1000 ms per rank.
        double knowsFail = result.Events.First(e => e.Source == winner && e.Kind == "cluster" && FailKnown().IsMatch(e.Text)).Seconds;
        var delayed = result.Events.First(e => e.Source == winner && ElectionDelay().IsMatch(e.Text));
        var match = ElectionDelay().Match(delayed.Text);
        double delay = double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000;
        int rank = int.Parse(match.Groups["rank"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(delay, 0.5 + rank, 0.999 + rank);
        Assert.InRange(delayed.Seconds - knowsFail, 0, 0.101);
        Assert.InRange(promotedAt - delayed.Seconds, delay, delay + 0.12);

        // Nobody else promotes: the control plane declares the dead node failed and leaves the failover to the bus.
        Assert.Equal(1, result.FailoverCount);
        Assert.DoesNotContain(result.Events, e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("promot", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("n1.1 failed every health check", StringComparison.Ordinal));
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void ShardPrimaryCrash_ElastiCacheDefaultFullCoverageNo_OtherShardsKeepWriting()
    {
        var result = Run(Bundled("cluster-primary-crash.yaml"), 42);

        // ElastiCache's default (docs/sources.md §4.9): the scenario leaves the key out, so self-hosted runs yes.
        Assert.False(result.ClusterSettings!.RequireFullCoverage);
        Assert.True(DeploymentPaths.Run(DeploymentPaths.SelfHosted, Bundled("cluster-primary-crash.yaml"), 42, new RunOptions(KeepSamples: false)).ClusterSettings!.RequireFullCoverage);
        Assert.Null(DeploymentPaths.Run(DeploymentPaths.MemoryDb, Bundled("cluster-primary-crash.yaml"), 42, new RunOptions(KeepSamples: false)).ClusterSettings);
        var shards = result.Shards!;
        Assert.True(shards[0].Failed > 1000, $"shard 1 failed {shards[0].Failed}");
        Assert.Equal(0, shards[1].Failed);
        Assert.Equal(0, shards[2].Failed);
        Assert.Null(shards[1].Failover);
        Assert.Null(shards[2].Failover);
        Assert.NotNull(shards[0].Failover);
    }

    [Fact]
    public void ShardPrimaryCrash_FullCoverageSetYes_HonouredOnElastiCache_OtherShardsRefuseUntilThePromotion()
    {
        var world = Bundled("cluster-primary-crash.yaml", t => t.Replace("  replicas-per-shard: 2\n", "  replicas-per-shard: 2\n  cluster-require-full-coverage: true\n", StringComparison.Ordinal));
        var result = Run(world, 42);

        Assert.True(result.ClusterSettings!.RequireFullCoverage);
        var refused = result.Events.Count(e => e.Kind == "cluster" && e.Text.EndsWith("Cluster state changed: fail", StringComparison.Ordinal));
        Assert.True(refused >= 6, $"{refused} nodes turned FAIL");
        Assert.True(result.Shards![1].Failed > 0 && result.Shards[2].Failed > 0, $"shard 2 failed {result.Shards[1].Failed}, shard 3 {result.Shards[2].Failed}");
    }

    [Fact]
    public void ShardPrimaryCrash_ReplacementDelay30s_NewReplicaOfThePromotedNodeInTheFailedAz()
    {
        var world = Bundled("cluster-primary-crash.yaml", t => t + "elasticache:\n  replacement-delay: 30s\n");
        var result = Run(world, 42);

        var declared = result.Events.First(e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("n1.1 failed every health check", StringComparison.Ordinal));
        var launched = result.Events.First(e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("replacement for n1.1", StringComparison.Ordinal));

        // Declared after 15 s of failed checks (A16), replaced 30 s later at a 1 s health-check round (A15, A20), in az-a.
        Assert.InRange(declared.Seconds - CrashAt, 15, 17);
        Assert.InRange(launched.Seconds - declared.Seconds, 29.999, 31.01);
        Assert.Equal($"ElastiCache: replacement for n1.1 launched in az-a: a new replica of {result.Failover!.NewPrimary}, it syncs from it", launched.Text);
        Assert.Equal(NodeRole.Replica, result.Roles.Last(r => r.Node == "n1.1").Role);
        Assert.True(result.Converged);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void AzPowerInterruption_NoReplacementWhileTheAzHasNoPower()
    {
        var world = Bundled("cluster-primary-crash.yaml", t => t
            .Replace("  - kind: crash       # no duration: the process is not restarted\n    at: 20s\n    target: n1.1\n", "  - kind: az-power-interruption\n    at: 20s\n    duration: 60s\n    target: az-a\n", StringComparison.Ordinal)
            + "elasticache:\n  replacement-delay: 10s\n");
        var result = Run(world, 42);

        // Declared failed 15-17 s after the power went (A16) and due 10 s later, but a replacement in the AZ comes only
        // once it is back (docs/sources.md §4.2); at 80 s the power returns and the nodes come back by themselves.
        var declared = result.Events.Where(e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("declared failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, declared.Count);
        Assert.All(declared, e => Assert.InRange(e.Seconds, 35, 37.01));
        Assert.DoesNotContain(result.Events, e => e.Text.Contains("replacement for", StringComparison.Ordinal) && e.Seconds < 80);
        Assert.NotNull(result.Shards![0].Failover);
        Assert.Equal(NodeRole.Replica, result.Roles.Last(r => r.Node == "n1.1").Role);
    }

    [Fact]
    public void MinorityPartition_ControlPlaneOnTheMajoritySide_FencesTheCutOffPrimary_AndTheBandShowsNone()
    {
        var world = Bundled("cluster-minority-partition.yaml", t => t.Replace("groups: [[az-a], [az-b, az-c]]", "groups: [[az-a], [az-b, az-c, elasticache-control-plane]]", StringComparison.Ordinal));
        var fenced = Run(world, 42);
        var unfenced = Run(world with { Paths = world.Paths with { ElastiCache = world.Paths.ElastiCache with { Fencing = Fencing.None } } }, 42);

        // A19 per shard (A141): n1.1 fails its checks from the cut at 15 s, is declared failed 15-17 s later and, with a
        // replica of its shard answering on the majority side, powered off at once; its replicas in az-a are not.
        var off = fenced.Events.First(e => e.Source == ServiceMembers.ElastiCacheControlPlane && e.Text.Contains("taken offline", StringComparison.Ordinal));
        Assert.StartsWith("ElastiCache: n1.1 taken offline at once", off.Text, StringComparison.Ordinal);
        Assert.InRange(off.Seconds, 30, 32.01);
        Assert.Single(fenced.Events, e => e.Text.Contains("taken offline", StringComparison.Ordinal));
        Assert.Contains(fenced.Facts, f => f.Key == "failedOverRunningPrimary" && f.Value);
        Assert.DoesNotContain(unfenced.Events, e => e.Text.Contains("taken offline", StringComparison.Ordinal));

        // Fenced or not, the bus bounds the loss by the node timeout; powering n1.1 off can only end it sooner.
        Assert.InRange(fenced.Writes.AcknowledgedLost, 1, unfenced.Writes.AcknowledgedLost);
        Assert.InRange(unfenced.Writes.AcknowledgedLost, 1, 800);
        Assert.Equal(1, fenced.FailoverCount);
    }

    [Fact]
    public void MinorityPartition_ControlPlaneFencing_SameSeedTwice_SameResult()
    {
        var world = Bundled("cluster-minority-partition.yaml", t => t.Replace("groups: [[az-a], [az-b, az-c]]", "groups: [[az-a], [az-b, az-c, elasticache-control-plane]]", StringComparison.Ordinal));

        var a = Run(world, 7);
        var b = Run(world, 7);

        Assert.Null(Model.CompactAccountingOracleTests.FirstDifference(a, b));
        Assert.Equal(a.Events, b.Events);
    }

    [Fact]
    public void MinorityPartition_ControlPlaneReachesBothSides_FencesNothing_AsSelfHosted()
    {
        var result = Run(Bundled("cluster-minority-partition.yaml"), 42);

        Assert.DoesNotContain(result.Events, e => e.Source == ServiceMembers.ElastiCacheControlPlane);
        Assert.DoesNotContain(result.Facts, f => f.Key == "failedOverRunningPrimary");
        Assert.InRange(result.Writes.AcknowledgedLost, 1, 800);
        Assert.True(result.Converged);
    }

    [Fact]
    public void PlannedReplacementOfAShardPrimary_ClusterFailoverThenANewNode_NothingLost()
    {
        var world = Bundled("cluster-primary-crash.yaml", t => t.Replace(
            "  - kind: crash       # no duration: the process is not restarted\n    at: 20s\n    target: n1.1\n",
            "  - kind: node-replacement\n    at: 20s\n    duration: 10s\n    target: n1.1\n",
            StringComparison.Ordinal));
        var result = Run(world, 42);

        // A143: CLUSTER FAILOVER to the most up-to-date replica (no timer: MFSTART, the paused primary's offset, the
        // votes), then n1.1 is replaced by a new replica of the winner; no write the old primary acknowledged is lost.
        Assert.Equal(1, result.FailoverCount);
        Assert.True(result.Failover!.ControlPlaneSeconds < 0.05, $"promoted {result.Failover.ControlPlaneSeconds} s after the fault");
        Assert.Contains(result.Events, e => e.Text.StartsWith($"ElastiCache: planned failover complete: {result.Failover.NewPrimary} serves the shard's slots; n1.1 replaced", StringComparison.Ordinal));
        Assert.Equal(NodeRole.Replica, result.Roles.Last(r => r.Node == "n1.1").Role);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.Shards![1].Failed + result.Shards[2].Failed);
    }

    [Fact]
    public void ShardPrimaryCrash_KeyMoments_SayWhyTheFailoverCameWhenItDid()
    {
        var result = Run(Bundled("cluster-primary-crash.yaml"), 42);

        // The report's key moments: FAIL, the winner's rank delay, the won election, the control plane's declaration.
        var key = RedisFailoverSim.Reporting.Trace.TraceNarrator.Narrate(result).Where(l => l.IsKey).Select(l => l.ToString()).ToList();
        Assert.Contains(key, l => l.Contains("Marking node n1.1 as failing (quorum reached)", StringComparison.Ordinal));
        Assert.Contains(key, l => l.Contains("n1.2: Start of election delayed for 535 milliseconds (rank #0", StringComparison.Ordinal));
        Assert.Contains(key, l => l.Contains("n1.2: Failover election won", StringComparison.Ordinal));
        Assert.Contains(key, l => l.Contains("ElastiCache: n1.1 failed every health check", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_InThisRun_ClusterKeysArePerPath()
    {
        var world = Bundled("cluster-primary-crash.yaml");

        // The report's "in this run" column: an entry for ElastiCache alone reads ElastiCache's value (§4.9, A140).
        Assert.Equal("no", RedisFailoverSim.Reporting.Report.SettingsInForce.Value("cluster.cluster-require-full-coverage", world, "elasticache"));
        Assert.Equal("yes", RedisFailoverSim.Reporting.Report.SettingsInForce.Value("cluster.cluster-require-full-coverage", world, "self-hosted"));
        Assert.Equal("15000 ms", RedisFailoverSim.Reporting.Report.SettingsInForce.Value("cluster.cluster-node-timeout", world, "elasticache"));
        Assert.Equal("15000 ms", RedisFailoverSim.Model.Catalog.Assumptions.All.Single(a => a.Id == "A140").DefaultValue);
    }

    [Fact]
    public void RandomClusterScenarios_CompactCountsEqualExactLedger()
    {
        int replaced = 0;
        RandomClusterOracle.AssertCompactEqualsExact(
            DeploymentPaths.ElastiCache,
            firstSeed: 19_000,
            elastiCache: true,
            observe: exact => Interlocked.Add(ref replaced, exact.Events.Any(e => e.Text.Contains("replacement for", StringComparison.Ordinal)) ? 1 : 0));
        Assert.True(replaced >= RandomClusterOracle.Scenarios / 10, $"only {replaced} of {RandomClusterOracle.Scenarios} scenarios replaced a node");
    }

    [GeneratedRegex(@"\*\*\* NODE n1\.1 possibly failing")]
    private static partial Regex PfailOfFirstPrimary();

    [GeneratedRegex(@"Marking node n1\.1 as failing")]
    private static partial Regex MarkedFailing();

    [GeneratedRegex(@"(FAIL message received from \S+ about n1\.1|Marking node n1\.1 as failing)")]
    private static partial Regex FailKnown();

    [GeneratedRegex(@"Start of election delayed for (?<ms>\d+) milliseconds \(rank #(?<rank>\d+)")]
    private static partial Regex ElectionDelay();
}
