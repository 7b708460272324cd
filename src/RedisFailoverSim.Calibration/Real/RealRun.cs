using System.Diagnostics;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Resp;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// One real run of a scenario: start the cluster and wait until it is ready (as the model's world starts), connect
/// the clients, set the run's zero, drive the open workload while the faults happen at their times, wait for the
/// heals, for every write's outcome and for replication to converge (each wait bounded), read the final set,
/// stop everything and compute the metrics.
/// </summary>
internal static class RealRun
{
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SubscribeBound = TimeSpan.FromSeconds(10);

    // 100 PINGs per client 5 ms apart: half a second each, enough for a P99 of the round trip.
    private static readonly TimeSpan ProbeSpacing = TimeSpan.FromMilliseconds(5);
    private const int ProbeCount = 100;

    // The nice value .NET gives ProcessPriorityClass.AboveNormal on Linux, as for the Redis processes.
    private const int AboveNormalNice = -6;

    /// <summary>
    /// Runs the scenario for real once. Throws <see cref="CalibrationSetupException"/> when it cannot start. The
    /// processes keep their files in <see cref="RealRunSettings.WorkDirectory"/> (tmpfs when the machine has one,
    /// so that the fsync of Redis's and Sentinel's CONFIG REWRITE measures Redis, not a disk shared with other
    /// work); they are copied to <see cref="RealRunSettings.Directory"/> at the end, whatever happened.
    /// </summary>
    public static RealRunResult Execute(WorldSpec spec, RealRunSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        // The clients and proxies run in this process: on a shared machine they should get the CPU as readily as
        // the Redis processes (started above normal priority too). Restored afterwards; skipped without privilege.
        var priority = Processes.Niceness.SetAllThreads(AboveNormalNice);

        var pool = ClientThreadPool.For(spec.Clients.Count);
        try
        {
            return ExecuteIn(spec, settings, log, cancellationToken);
        }
        finally
        {
            pool.Dispose();
            Processes.Niceness.Restore(priority);
            if (settings.WorkDirectory != settings.Directory && Directory.Exists(settings.WorkDirectory))
            {
                Directory.CreateDirectory(settings.Directory);
                foreach (string file in Directory.EnumerateFiles(settings.WorkDirectory))
                {
                    File.Copy(file, Path.Combine(settings.Directory, Path.GetFileName(file)), overwrite: true);
                }

                Directory.Delete(settings.WorkDirectory, recursive: true);
            }
        }
    }

    private static RealRunResult ExecuteIn(WorldSpec spec, RealRunSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        string loadAverage = LoadAverage();
        var schedule = WriteSchedule.Build(spec, settings.Seed);
        var ledger = new RealLedger(schedule);
        var clock = new RunClock();
        var startup = Stopwatch.StartNew();
        using var cluster = LocalCluster.Start(spec, settings.Binaries, new PortAllocator(settings.PortBase), settings.WorkDirectory, settings.Mode);
        cluster.WaitReady(ReadyBound, cancellationToken);
        using var observer = new SentinelObserver(cluster.Sentinels, clock);
        if (!observer.WaitSubscribed(SubscribeBound))
        {
            throw new CalibrationSetupException("could not subscribe to every Sentinel's events");
        }

        var clients = new List<IRealClient>();
        var clientLog = new ClientLog(Path.Combine(settings.WorkDirectory, "clients.log"), clock);
        try
        {
            foreach (var c in spec.Clients)
            {
                var sentinelPorts = cluster.Sentinels.Select(s => s.FrontPort).ToList();
                IRealClient client = settings.Driver is { } driver
                    ? new Drivers.DriverClient(driver, settings.DriverDirectory, c.Name, sentinelPorts, cluster.TunnelMap(c.Name), ledger, clock, spec.Workload.ValueBytes, settings.WorkDirectory)
                    : new RealWriteClient(c.Name, spec.Client, sentinelPorts, new ClientTunnel(cluster.TunnelMap(c.Name)), ledger, clock, spec.Workload.ValueBytes, clientLog);
                clients.Add(client);
                if (!client.Connect(clientLog.Writer))
                {
                    throw new CalibrationSetupException($"client {c.Name} could not reach the primary through the Sentinels; see {settings.Directory}/clients.log");
                }
            }

            // The test bed's round trip, before anything else happens: the model runs on a network with these delays
            // (TestBedNetwork), as the real processes run on loopback through rfsim's proxies.
            var probe = clients.SelectMany(c => c.ProbeRoundTrips(ProbeCount, ProbeSpacing, cancellationToken)).ToList();
            double startupSeconds = startup.Elapsed.TotalSeconds;
            log.WriteLine($"  cluster ready in {startupSeconds:0.0} s; running the workload for {spec.Workload.Duration.TotalSeconds:0} s");
            RuntimeReport runtime;
            IReadOnlyList<RealFaultWindow> faults;
            RolePoller roles;
            ServerMember? primary;
            string missing;
            using (var monitor = new RuntimeMonitor(clock))
            {
                (primary, missing, faults, roles) = RunWorkloadAndFaults(spec, cluster, clients, schedule, ledger, clock, settings, cancellationToken);
                runtime = monitor.Report();
            }

            var present = ReadFinalSet(primary ?? RealConvergence.CurrentPrimary(cluster));
            double end = clock.Seconds;
            var unmapped = clients.Sum(c => c.UnmappedConnections);
            var builder = new RealMetricsBuilder(spec, cluster, ledger, present);
            return new RealRunResult(
                builder.Build((ulong)settings.Run, faults, observer.Events, roles, missing.Length == 0, end),
                faults,
                observer.Events,
                roles.Changes,
                builder.Writes(),
                new Dictionary<string, int>(ledger.Reasons),
                missing,
                cluster.UnidentifiedConnections,
                unmapped,
                startupSeconds,
                loadAverage,
                runtime,
                cluster.UnidentifiedSources,
                settings.Directory,
                probe);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            clientLog.Dispose();
        }
    }

    private static (ServerMember? Primary, string Missing, IReadOnlyList<RealFaultWindow> Faults, RolePoller Roles) RunWorkloadAndFaults(
        WorldSpec spec,
        LocalCluster cluster,
        List<IRealClient> clients,
        IReadOnlyList<ScheduledWrite> schedule,
        RealLedger ledger,
        RunClock clock,
        RealRunSettings settings,
        CancellationToken cancellationToken)
    {
        var roles = new RolePoller(cluster, clock);
        try
        {
            var (primary, missing, windows) = DriveRun(spec, cluster, clients, schedule, ledger, clock, settings, cancellationToken);
            return (primary, missing, windows, roles);
        }
        finally
        {
            roles.Dispose();
        }
    }

    private static (ServerMember? Primary, string Missing, IReadOnlyList<RealFaultWindow> Faults) DriveRun(
        WorldSpec spec,
        LocalCluster cluster,
        List<IRealClient> clients,
        IReadOnlyList<ScheduledWrite> schedule,
        RealLedger ledger,
        RunClock clock,
        RealRunSettings settings,
        CancellationToken cancellationToken)
    {
        using var faults = new RealFaultInjector(cluster, clock, () => RealConvergence.CurrentPrimary(cluster));
        clock.SetZero();
        faults.Start();
        for (int i = 0; i < schedule.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            clock.SleepUntil(schedule[i].IntendedSeconds, cancellationToken);
            clients[schedule[i].Client].Issue(i);
        }

        cancellationToken.ThrowIfCancellationRequested();
        double lastHeal = spec.Faults.Select(f => (f.HealsAt ?? f.At).TotalSeconds).DefaultIfEmpty(0).Max();
        faults.WaitHealed(TimeSpan.FromSeconds(Math.Max(0, lastHeal - clock.Seconds) + 10));

        // Every write ends within the command timeout (StackExchange.Redis checks on its heartbeat), plus slack. A
        // library without a command timeout (redis-py, ioredis) may wait for ever: its writes still pending after
        // 30 s count as unknown, as the model's still-pending writes do at the end of a run.
        var settle = Math.Min(spec.Client.CommandTimeout.TotalSeconds + (2 * spec.Client.Heartbeat.TotalSeconds) + 5, 30);
        SpinWait.SpinUntil(() => ledger.Pending == 0 || cancellationToken.IsCancellationRequested, TimeSpan.FromSeconds(settle));
        cancellationToken.ThrowIfCancellationRequested();
        var bound = TimeSpan.FromSeconds(Math.Min(settings.ConvergenceCap.TotalSeconds, spec.Run.ConvergenceBound.TotalSeconds));
        var (primary, missing) = RealConvergence.Wait(cluster, bound, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var windows = faults.Windows.Where(w => w is not null).Select(w => w!).ToList();
        return (primary, missing, windows);
    }

    /// <summary>The machine's load when the run started (<c>/proc/loadavg</c>: 1, 5 and 15 minutes), or empty.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static HashSet<int> ReadFinalSet(ServerMember? primary)
    {
        var present = new HashSet<int>();
        if (primary is null)
        {
            return present;
        }

        using var connection = RespConnection.Open(primary.RealPort, TimeSpan.FromSeconds(10));
        if (connection.Call("SMEMBERS", RealWriteClient.SetKey) is object?[] members)
        {
            foreach (var member in members)
            {
                if (member is string element && WriteSchedule.WriteIdOf(element) is >= 0 and int id)
                {
                    present.Add(id);
                }
            }
        }

        return present;
    }
}
