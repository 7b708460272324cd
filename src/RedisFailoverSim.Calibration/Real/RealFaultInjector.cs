using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Applies a scenario's faults to the real processes at their times (one thread per fault, each bounded by the
/// run): crash = SIGKILL (restart from the same configuration after the duration), pause = SIGSTOP / SIGCONT,
/// power-off = SIGSTOP then SIGKILL and restart at the heal, partitions = directed cuts in the proxies. The
/// links each kind cuts are listed in the project's README.
/// </summary>
internal sealed partial class RealFaultInjector : IDisposable
{
    private readonly LocalCluster _cluster;
    private readonly RunClock _clock;
    private readonly Func<ServerMember?> _currentPrimary;
    private readonly List<Thread> _threads = [];
    private readonly List<RealFaultWindow?> _windows = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();

    /// <summary>Prepares the faults of <paramref name="cluster"/>'s scenario; <see cref="Start"/> schedules them.</summary>
    public RealFaultInjector(LocalCluster cluster, RunClock clock, Func<ServerMember?> currentPrimary)
    {
        _cluster = cluster;
        _clock = clock;
        _currentPrimary = currentPrimary;
    }

    /// <summary>Fault windows in scenario order (null for a fault not started yet).</summary>
    public IReadOnlyList<RealFaultWindow?> Windows
    {
        get
        {
            lock (_gate)
            {
                return [.. _windows];
            }
        }
    }

    /// <summary>When the first fault was applied, or null.</summary>
    public double? FirstFaultSeconds => Windows.Where(w => w is not null).Select(w => (double?)w!.FromSeconds).Min();

    /// <summary>The kinds a real run can reproduce on loopback.</summary>
    public static IReadOnlyList<FaultKind> Supported { get; } =
        [FaultKind.Crash, FaultKind.PowerOff, FaultKind.Pause, FaultKind.Isolate, FaultKind.Partition, FaultKind.OneWay, FaultKind.Reboot];

    /// <summary>Every reason the scenario cannot run for real (empty when it can).</summary>
    public static IReadOnlyList<string> Problems(WorldSpec spec)
    {
        var problems = new List<string>();
        foreach (var fault in spec.Faults)
        {
            string where = fault.SourceLine > 0 ? $"line {fault.SourceLine}: " : string.Empty;
            if (!Supported.Contains(fault.Kind))
            {
                problems.Add($"{where}fault '{FaultInjector.KindName(fault.Kind)}' cannot be reproduced on loopback; calibrate supports {string.Join(", ", Supported.Select(FaultInjector.KindName))}");
            }
            else if (fault.Target.Kind == FaultTargetKind.Everything)
            {
                problems.Add($"{where}fault '{FaultInjector.KindName(fault.Kind)}' needs a target");
            }
            else if (fault.Kind is FaultKind.Crash or FaultKind.PowerOff or FaultKind.Pause or FaultKind.Reboot
                && fault.Target.Kind == FaultTargetKind.Member && spec.Clients.Any(c => c.Name == fault.Target.Name))
            {
                problems.Add($"{where}fault '{FaultInjector.KindName(fault.Kind)}' on client {fault.Target.Name}: clients run inside rfsim and cannot be killed or paused");
            }
        }

        if (spec.Workload.Phases.Count > 0)
        {
            problems.Add("workload phases (rate changes) are not reproduced by calibrate yet; use a flat rate");
        }

        if (spec.Nodes.Count < 1 || spec.Sentinels.Count < 1)
        {
            problems.Add("calibrate needs at least one node and one Sentinel (the self-hosted path)");
        }

        return problems;
    }

    /// <summary>Schedules every fault.</summary>
    public void Start()
    {
        var faults = _cluster.Spec.Faults;
        for (int i = 0; i < faults.Count; i++)
        {
            int index = i;
            var fault = faults[i];
            lock (_gate)
            {
                _windows.Add(null);
            }

            _threads.Add(Processes.GuardedThread.Start("rfsim-fault-" + i, () => Run(index, fault)));
        }
    }

    /// <summary>Waits until every fault with a duration has healed.</summary>
    public bool WaitHealed(TimeSpan bound)
    {
        // Real processes on a real clock (calibration, outside the simulation): a monotonic stopwatch bounds the wait.
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        foreach (var thread in _threads)
        {
            var left = bound - elapsed.Elapsed;
            if (left <= TimeSpan.Zero || !thread.Join(left))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Stops pending faults. Faults still applied stay applied: the cluster is stopped next (SIGKILL ends a stopped
    /// process too, and the proxies close), so there is nothing to heal.
    /// </summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private void Run(int index, FaultSpec fault)
    {
        _clock.SleepUntil(fault.At.TotalSeconds, _stop.Token);
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        var primary = _currentPrimary();
        var (window, heal) = Apply(fault, primary);
        lock (_gate)
        {
            _windows[index] = window;
        }

        if (fault.Duration is null)
        {
            // A fault that never heals (a crash without restart) stays until the cluster stops.
            return;
        }

        _clock.SleepUntil(fault.HealsAt!.Value.TotalSeconds, _stop.Token);
        heal();
        lock (_gate)
        {
            _windows[index] = window with { ToSeconds = _clock.Seconds };
        }
    }
}
