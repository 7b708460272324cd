using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Resp;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Asks every node <c>INFO replication</c> every 200 ms on its real port and keeps each change of role, write
/// acceptance and replication link: the real run's role timeline, from which split-brain time is measured
/// (to within the polling period). One background thread per node, each bounded by the run.
/// </summary>
internal sealed class RolePoller : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromMilliseconds(300);
    private readonly RunClock _clock;
    private readonly int _minReplicasToWrite;
    private readonly List<(long At, NodeObservation Seen)> _changes = [];
    private readonly List<Thread> _threads = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();

    /// <summary>Starts polling every node of <paramref name="cluster"/>.</summary>
    public RolePoller(LocalCluster cluster, RunClock clock)
    {
        _clock = clock;
        _minReplicasToWrite = cluster.Spec.Redis.MinReplicasToWrite;
        foreach (var node in cluster.Nodes)
        {
            _threads.Add(GuardedThread.Start("rfsim-roles-" + node.Name, () => Poll(node)));
        }
    }

    /// <summary>Every change so far, in time order.</summary>
    public IReadOnlyList<NodeObservation> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes.OrderBy(c => c.At).Select(c => c.Seen with { Seconds = _clock.ToSeconds(c.At) })];
            }
        }
    }

    /// <summary>Seconds (from <paramref name="from"/> on) during which two or more nodes accepted writes as primary.</summary>
    public double SplitBrainSeconds(double from, double until)
    {
        var accepting = new Dictionary<string, bool>(StringComparer.Ordinal);
        double total = 0;
        double? since = null;
        foreach (var change in Changes)
        {
            accepting[change.Node] = change.Accepting;
            int count = accepting.Values.Count(a => a);
            double t = Math.Clamp(change.Seconds, from, until);
            if (count >= 2 && since is null)
            {
                since = t;
            }
            else if (count < 2 && since is { } s)
            {
                total += t - s;
                since = null;
            }
        }

        if (since is { } open)
        {
            total += until - open;
        }

        return Math.Round(total, 3);
    }

    /// <summary>Stops polling (bounded wait for the threads).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        _stop.Dispose();
    }

    private void Poll(ServerMember node)
    {
        NodeObservation? last = null;
        RespConnection? connection = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                long at = RunClock.Now;
                var seen = Observe(node, ref connection);
                if (last is null || seen.Role != last.Role || seen.Accepting != last.Accepting || seen.MasterPort != last.MasterPort || seen.LinkUp != last.LinkUp)
                {
                    last = seen;
                    lock (_gate)
                    {
                        _changes.Add((at, seen));
                    }
                }

                _stop.Token.WaitHandle.WaitOne(Period);
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private NodeObservation Observe(ServerMember node, ref RespConnection? connection)
    {
        // The time is set when the change is stored (from the timestamp taken before the call).
        const double now = 0;
        var process = node.Process;
        if (process is not { IsRunning: true })
        {
            return new NodeObservation(now, node.Name, ObservedRole.Down, false, 0, false);
        }

        if (process.IsPaused)
        {
            return new NodeObservation(now, node.Name, ObservedRole.Paused, false, 0, false);
        }

        Dictionary<string, string> info;
        try
        {
            connection ??= RespConnection.Open(node.RealPort, AnswerWithin);
            info = RespConnection.ParseInfo(connection.Call("INFO", "replication"));
        }
        catch (Exception e) when (e is IOException or RespErrorException)
        {
            // A timed-out connection may still deliver the late reply: never reuse it.
            connection?.Dispose();
            connection = null;
            return new NodeObservation(now, node.Name, ObservedRole.Unresponsive, false, 0, false);
        }

        if (info.GetValueOrDefault("role") == "master")
        {
            bool enough = _minReplicasToWrite == 0
                || int.Parse(info.GetValueOrDefault("min_slaves_good_slaves", "0"), CultureInfo.InvariantCulture) >= _minReplicasToWrite;
            return new NodeObservation(now, node.Name, ObservedRole.Primary, enough, 0, false);
        }

        int masterPort = int.TryParse(info.GetValueOrDefault("master_port"), CultureInfo.InvariantCulture, out int p) ? p : 0;
        return new NodeObservation(now, node.Name, ObservedRole.Replica, false, masterPort, info.GetValueOrDefault("master_link_status") == "up");
    }
}
