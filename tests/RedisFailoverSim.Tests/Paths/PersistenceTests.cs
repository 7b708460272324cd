using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// A primary that goes down for 5 s (no failover: down-after is 30 s) comes back with what its disk holds
/// (docs/sources.md §16): a process crash keeps every AOF write() in the page cache, a power loss only what was fsynced;
/// without an AOF the last completed RDB snapshot.
/// </summary>
public class PersistenceTests
{
    // Half a second past a whole second, so an everysec fsync (on the whole second) was half a second ago.
    private const double DownAtSeconds = 20.5;

    private static PathResult Run(FaultKind kind, PersistenceSettings disk, long atMilliseconds = 20_500)
    {
        var fault = new FaultSpec(kind, SimTime.FromStart(SimDuration.FromMilliseconds(atMilliseconds)), SimDuration.FromSeconds(5), FaultTarget.Primary);
        var spec = Specs.ThreeNodes([fault], redis: RedisSettings.Default with { Persistence = disk });
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 1, RunOptions.Default);
        Assert.Null(result.Failover);
        return result;
    }

    private static PersistenceSettings Aof(AppendFsync fsync) => new(true, fsync, []);

    /// <summary>When each acknowledged write that is lost was acknowledged (seconds from the start).</summary>
    private static List<double> LostAckTimes(PathResult result)
    {
        var s = result.Samples!;
        var times = new List<double>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Lost[i] && s.Outcomes[i] == WriteOutcome.Ok)
            {
                times.Add(s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000));
            }
        }

        return times;
    }

    [Theory]
    [InlineData(AppendFsync.Always)]
    [InlineData(AppendFsync.Everysec)]
    [InlineData(AppendFsync.No)]
    public void ProcessCrash_WithAof_LosesNoAcknowledgedWrite(AppendFsync fsync)
    {
        // §16.1: every write is write()n to the AOF before its reply; the kernel's page cache outlives the process.
        var result = Run(FaultKind.Crash, Aof(fsync));
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Contains(result.Events, e => e.Kind == "restart" && e.Text.Contains("n1 restarted as primary with the") && e.Text.Contains("AOF"));
    }

    [Fact]
    public void PowerLoss_AppendfsyncAlways_LosesNoAcknowledgedWrite()
    {
        // §16.1: with always the fsync runs before the replies leave.
        Assert.Equal(0, Run(FaultKind.PowerOff, Aof(AppendFsync.Always)).Writes.AcknowledgedLost);
    }

    [Fact]
    public void PowerLoss_AppendfsyncEverysec_LosesOnlyWritesAcknowledgedSinceTheLastWholeSecondsFsync()
    {
        // §16.1: the background fsync starts once server.unixtime passes the last fsync's second, so the writes lost
        // are those acknowledged after 20 s, never more than the 2-second postponement allows.
        var result = Run(FaultKind.PowerOff, Aof(AppendFsync.Everysec));
        var lost = LostAckTimes(result);
        Assert.NotEmpty(lost);
        Assert.Equal(lost.Count, result.Writes.AcknowledgedLost);
        Assert.All(lost, t => Assert.InRange(t, 20.0, DownAtSeconds));

        // 150 writes/s for the half second since the fsync.
        Assert.InRange(lost.Count, 60, 90);
    }

    [Fact]
    public void PowerLoss_AppendfsyncNo_LosesWhatTheKernelHadNotWrittenBack()
    {
        // A94: the flusher writes back pages dirty for 30 s every 5 s: at 20.5 s nothing the run wrote is on disk.
        var result = Run(FaultKind.PowerOff, Aof(AppendFsync.No));
        var lost = LostAckTimes(result);
        Assert.All(lost, t => Assert.InRange(t, DownAtSeconds - 35, DownAtSeconds));
        Assert.True(lost.Count > 2900, $"lost {lost.Count}");
        Assert.True(lost.Count > Run(FaultKind.PowerOff, Aof(AppendFsync.Everysec)).Writes.AcknowledgedLost);
    }

    [Theory]
    [InlineData(FaultKind.Crash)]
    [InlineData(FaultKind.PowerOff)]
    public void RdbOnly_AnyCrash_LosesTheWritesSinceTheLastCompletedSnapshot(FaultKind kind)
    {
        // §16.2-§16.3: without an AOF the restart loads dump.rdb. save 5 1: serverCron forks once more than 5 whole
        // seconds passed since the last save; the child writes 100 MB at 100 MB/s (A96), so the last completed
        // snapshot is at most 5 + 1 + 1 s (whole seconds) + 1 s (the write) old.
        var result = Run(kind, new PersistenceSettings(false, AppendFsync.Everysec, [new SavePoint(SimDuration.FromSeconds(5), 1)]));
        var lost = LostAckTimes(result);
        Assert.NotEmpty(lost);
        Assert.All(lost, t => Assert.InRange(t, DownAtSeconds - 8, DownAtSeconds));
        Assert.Contains(result.Events, e => e.Kind == "disk" && e.Text.Contains("its RDB holds"));
    }

    [Fact]
    public void NoPersistence_Crash_LosesEverythingAcknowledgedBefore()
    {
        // §1.2: without an AOF or a save point the primary comes back empty and its replicas sync to it.
        var result = Run(FaultKind.Crash, PersistenceSettings.Off);
        Assert.True(result.Writes.AcknowledgedLost > 2900);
    }

    [Fact]
    public void BundledAofEverysecRestart_LosesTheWritesSinceTheLastWholeSecondAndNoneOnKill9()
    {
        // aof-everysec-restart.yaml: power lost at 20.9 s; the last background fsync ran at 20 s (§16.1, A95), so
        // the writes acknowledged in (20, 20.9] s are lost: 0.9 s of 3 x 100/s. A kill -9 at the same moment keeps
        // every write() in the page cache: none lost.
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "aof-everysec-restart.yaml"));
        var power = DeploymentPaths.Run(DeploymentPaths.SelfHosted, scenario.World, 42, RunOptions.Default);
        var lost = LostAckTimes(power);
        Assert.Equal(lost.Count, power.Writes.AcknowledgedLost);
        Assert.All(lost, t => Assert.InRange(t, 20.0, 20.9));
        Assert.InRange(lost.Count, 260, 271);
        Assert.Null(power.Failover);

        var kill = scenario.World with { Faults = [scenario.World.Faults[0] with { Kind = FaultKind.Crash }] };
        Assert.Equal(0, DeploymentPaths.Run(DeploymentPaths.SelfHosted, kill, 42, RunOptions.Default).Writes.AcknowledgedLost);
    }

    private static PersistenceSettings SlowDisk(long fsyncMilliseconds) =>
        Aof(AppendFsync.Everysec) with { FsyncTime = SimDuration.FromMilliseconds(fsyncMilliseconds) };

    [Fact]
    public void ProcessCrash_EverysecWhileAnFsyncRuns_LosesTheWritesThePostponedFlushHeld()
    {
        // §16.4: the fsync queued at 20 s runs until 20.5 s; meanwhile flushAppendOnlyFile postpones every write, so the
        // writes applied in [20, 20.3] s are only in the AOF buffer when the process is killed at 20.3 s.
        var result = Run(FaultKind.Crash, SlowDisk(500), atMilliseconds: 20_300);
        var lost = LostAckTimes(result);
        Assert.Equal(lost.Count, result.Writes.AcknowledgedLost);
        Assert.All(lost, t => Assert.InRange(t, 20.0, 20.3));

        // 150 writes/s for 0.3 s.
        Assert.InRange(lost.Count, 35, 55);
    }

    [Fact]
    public void ProcessCrash_EverysecWithAHungFsync_LosesUpToTwoSecondsThenTheWriteIsForced()
    {
        // §16.4 with a 3 s fsync: each fsync starts on a whole second and ends 3 s later (1-4, 4-7, ..., 19-22 s); the
        // writes wait from 19 s and would be forced at 21 s (two whole seconds), so a kill -9 at 20.5 s loses
        // [19, 20.5] s of them. Each forced write blocks the thread until its fsync ends (A70).
        var result = Run(FaultKind.Crash, SlowDisk(3_000));
        var lost = LostAckTimes(result);
        Assert.Equal(lost.Count, result.Writes.AcknowledgedLost);
        Assert.All(lost, t => Assert.InRange(t, 19.0, DownAtSeconds));
        Assert.InRange(lost.Count, 200, 240);
        Assert.Contains(result.Events, e => e.Kind == "disk" && e.Text.Contains("asynchronous AOF fsync is taking too long"));
    }

    [Fact]
    public void PowerLoss_EverysecWithAHungFsync_LosesEverythingAfterTheLastCompletedFsyncStarted()
    {
        // The last fsync to complete before 20.5 s ran 16-19 s and covers what was written at 16 s; the one running since
        // 19 s never completes. So a power loss loses the writes applied after 16 s: 4.5 s, beyond the fast disk's 1 s.
        var result = Run(FaultKind.PowerOff, SlowDisk(3_000));
        var lost = LostAckTimes(result);
        Assert.Equal(lost.Count, result.Writes.AcknowledgedLost);
        Assert.All(lost, t => Assert.InRange(t, 16.0, DownAtSeconds));
        Assert.InRange(lost.Count, 640, 700);
    }

    [Fact]
    public void PowerLoss_EverysecWithAFastEnoughDisk_LosesWhatTheFastDiskLoses()
    {
        // An fsync of 100 ms ends before the write that follows the next whole second: the rule only postpones writes
        // for 100 ms after each whole second, and the 20 s fsync completed before 20.5 s, as with the default 0.
        var fast = Run(FaultKind.PowerOff, Aof(AppendFsync.Everysec));
        var slow = Run(FaultKind.PowerOff, SlowDisk(100));
        Assert.Equal(fast.Writes.AcknowledgedLost, slow.Writes.AcknowledgedLost);
    }
}
