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
        var child = ChildProcess.Start("sleeper", "sleep", ["600"], LogPath());
        int pid = child.Pid;
        child.Pause();
        Assert.True(child.IsPaused);
        Assert.Equal('T', ProcessState(pid));

        child.Dispose();

        Assert.False(child.IsRunning);
        Assert.Null(ProcessState(pid));
        Assert.DoesNotContain(pid, ChildProcessRegistry.LivePids);
    }

    [Fact]
    public void ChildProcessRegistry_KillAll_StopsEveryRegisteredChild()
    {
        // The path Ctrl-C, SIGTERM and process exit take.
        var children = Enumerable.Range(0, 3).Select(i => ChildProcess.Start("sleeper" + i, "sleep", ["600"], LogPath())).ToList();
        var pids = children.Select(c => c.Pid).ToList();

        ChildProcessRegistry.KillAll();

        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ChildProcessRegistry.LivePids.Intersect(pids));
        children.ForEach(c => c.Dispose());
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
        using (var cluster = LocalCluster.Start(spec, binaries, new PortAllocator(27600), TempDir(), CutMode.BlackHole))
        {
            pids.AddRange(cluster.Servers.Select(m => m.Process!.Pid));
            LocalCluster.Pause(cluster.Nodes[0]);
            Assert.Equal(6, pids.Count(pid => ProcessState(pid) is not null));
        }

        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
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
        void RunThatFails()
        {
            using var cluster = LocalCluster.Start(CalibrationSpecs.ThreeNodes([]), binaries, new PortAllocator(27700), TempDir(), CutMode.BlackHole);
            pids.AddRange(cluster.Servers.Select(m => m.Process!.Pid));
            throw new InvalidOperationException("a bug in the middle of a run");
        }

        var error = Assert.Throws<InvalidOperationException>(RunThatFails);

        Assert.Equal("a bug in the middle of a run", error.Message);
        Assert.Equal(6, pids.Count);
        Assert.All(pids, pid => Assert.Null(ProcessState(pid)));
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
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
