namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Watches rfsim's own process during a real run, from a dedicated thread every 100 ms: the .NET thread pool's
/// queue and thread count, and how late the thread itself wakes (CPU starvation). rfsim's proxies and the clients
/// share this process, so a stall here is a stall of the test bed, not of Redis: the report shows it.
/// </summary>
internal sealed class RuntimeMonitor : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private readonly RunClock _clock;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _stalls = [];
    private long _maxPending;
    private int _maxThreads;
    private double _maxLagMs;

    /// <summary>Starts watching.</summary>
    public RuntimeMonitor(RunClock clock)
    {
        _clock = clock;
        _thread = Processes.GuardedThread.Start("rfsim-runtime-monitor", Watch);
    }

    /// <summary>What was seen: maxima and every stall (≥ 500 ms late, or ≥ 100 queued work items), as text.</summary>
    public RuntimeReport Report()
    {
        lock (_stalls)
        {
            return new RuntimeReport(_maxPending, _maxThreads, Math.Round(_maxLagMs, 1), [.. _stalls]);
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private void Watch()
    {
        double? stallSince = null;
        string stallWhat = string.Empty;
        while (!_stop.IsCancellationRequested)
        {
            double before = _clock.Seconds;
            _stop.Token.WaitHandle.WaitOne(Period);
            double now = _clock.Seconds;
            double lagMs = ((now - before) * 1000) - Period.TotalMilliseconds;
            long pending = ThreadPool.PendingWorkItemCount;
            int threads = ThreadPool.ThreadCount;
            bool stalled = lagMs >= 500 || pending >= 100;
            lock (_stalls)
            {
                _maxPending = Math.Max(_maxPending, pending);
                _maxThreads = Math.Max(_maxThreads, threads);
                _maxLagMs = Math.Max(_maxLagMs, lagMs);
                if (stalled && stallSince is null)
                {
                    stallSince = before;
                    stallWhat = $"lag {lagMs:0} ms, {pending} queued, {threads} threads";
                }
                else if (!stalled && stallSince is { } since)
                {
                    _stalls.Add($"{since:0.0}-{now:0.0} s: {stallWhat}");
                    stallSince = null;
                }
            }
        }
    }
}
