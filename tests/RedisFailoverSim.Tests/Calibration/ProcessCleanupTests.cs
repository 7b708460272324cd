using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Proxy;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>Everything rfsim starts, it stops by process id: on dispose, on error, on the Ctrl-C path, and when paused.</summary>
[Collection(RealRedisCollection.Name)]
public class ProcessCleanupTests
{
    [Fact]
    public void ChildProcess_PausedThenKilled_IsGoneAndReaped()
    {
        string log = LogPath();
        var child = ChildProcess.Start("sleeper", "sleep", ["600"], log);
        int pid = child.Pid;
        child.Pause();
        Assert.True(child.IsPaused);
        Assert.Equal('T', ProcessState(pid));

        child.Dispose();

        Assert.False(child.IsRunning);
        Assert.Null(ProcessState(pid));
        Assert.DoesNotContain(pid, ChildProcessRegistry.LivePids);
        File.Delete(log);
    }

    [Fact]
    public void ChildProcessRegistry_KillAll_StopsEveryRegisteredChild()
    {
        // The path Ctrl-C, SIGTERM and process exit take.
        var logs = Enumerable.Range(0, 3).Select(_ => LogPath()).ToList();
        var children = logs.Select((log, i) => ChildProcess.Start("sleeper" + i, "sleep", ["600"], log)).ToList();
        var pids = children.Select(c => c.Pid).ToList();

        ChildProcessRegistry.KillAll();

        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ChildProcessRegistry.LivePids.Intersect(pids));
        children.ForEach(c => c.Dispose());
        logs.ForEach(File.Delete);
    }

    [Fact]
    public void LocalCluster_Disposed_LeavesNoRedisProcessBehind()
    {
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return;
        }

        var spec = CalibrationSpecs.ThreeNodes([]);
        var pids = new List<int>();
        string dir = TempDir();
        using (var cluster = LocalCluster.Start(spec, binaries, new PortAllocator(27600), dir, CutMode.BlackHole))
        {
            pids.AddRange(cluster.Servers.Select(m => m.Process!.Pid));
            LocalCluster.Pause(cluster.Nodes[0]);
            Assert.Equal(6, pids.Count(pid => ProcessState(pid) is not null));
        }

        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void LocalCluster_ErrorWhileRunning_StillStopsEveryProcess()
    {
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return;
        }

        var pids = new List<int>();
        string dir = TempDir();
        void RunThatFails()
        {
            using var cluster = LocalCluster.Start(CalibrationSpecs.ThreeNodes([]), binaries, new PortAllocator(27700), dir, CutMode.BlackHole);
            pids.AddRange(cluster.Servers.Select(m => m.Process!.Pid));
            throw new InvalidOperationException("a bug in the middle of a run");
        }

        var error = Assert.Throws<InvalidOperationException>(RunThatFails);

        Assert.Equal("a bug in the middle of a run", error.Message);
        Assert.Equal(6, pids.Count);
        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Calibrator_CancelledMidRun_StopsEveryProcessAndThrowsCancelled()
    {
        // What Ctrl-C and SIGTERM do: CalibrationCommand's handlers cancel this token.
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return;
        }

        var world = CalibrationSpecs.ThreeNodes([CalibrationSpecs.CrashPrimary(5)], durationS: 30);
        string dir = TempDir();
        var settings = new CalibrationSettings(Runs: 1, ModelSeeds: 1, Seed: 1, null, null, PortBase: 27900, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        var pids = new List<int>();
        var watcher = new Thread(() =>
        {
            // Cancel once all six processes run and the run is well under way (ready after ~10 s, then writing).
            SpinWait.SpinUntil(() => ChildProcessRegistry.LivePids.Count == 6, TimeSpan.FromSeconds(60));
            lock (pids)
            {
                pids.AddRange(ChildProcessRegistry.LivePids);
            }

            Thread.Sleep(TimeSpan.FromSeconds(15));
            cancel.Cancel();
        });
        watcher.Start();

        Assert.ThrowsAny<OperationCanceledException>(() => Calibrator.Run("cancelled", null, world, settings, TextWriter.Null, cancel.Token));
        watcher.Join();

        Assert.Equal(6, pids.Count);
        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ChildProcessRegistry.LivePids);
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>The state letter of /proc/PID/stat (R, S, T, Z for an unreaped zombie…), or null when the process no longer exists.</summary>
    private static char? ProcessState(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LogPath() => Path.Combine(Path.GetTempPath(), "rfsim-sleeper-" + System.Diagnostics.Stopwatch.GetTimestamp() + ".log");

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "rfsim-cleanup-" + Environment.ProcessId + "-" + System.Diagnostics.Stopwatch.GetTimestamp());
}
