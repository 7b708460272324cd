using System.Globalization;
using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Proxy;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration;

/// <summary>
/// Runs a world for real (N runs on 127.0.0.1) and in the simulator (M seeds), on the self-hosted path, and
/// compares them. Works from a loaded scenario or from a <see cref="WorldSpec"/> built in code.
/// </summary>
public static class Calibrator
{
    /// <summary>Calibrates <paramref name="world"/>. Throws <see cref="CalibrationSetupException"/> when the real side cannot run.</summary>
    public static CalibrationReport Run(string scenarioName, string? scenarioSha256, WorldSpec world, CalibrationSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(settings);
        if (world.HasPerClientSettings)
        {
            // The real side runs one library (--client) for every client; a model of mixed libraries would not match it.
            throw new CalibrationSetupException("this scenario cannot be calibrated: some clients have library settings of their own "
                + "(topology.clients[].client); calibrate drives one library for every client (--client)");
        }

        if (world.Cluster is not null)
        {
            if (!string.Equals(settings.ClientLibrary, Real.Drivers.ClientDrivers.InProcess, StringComparison.OrdinalIgnoreCase))
            {
                // The cluster calibration's clients are StackExchange.Redis in-process; the drivers speak Sentinel only.
                throw new CalibrationSetupException($"--client {settings.ClientLibrary}: a cluster: scenario is calibrated with "
                    + $"StackExchange.Redis only (in-process); the drivers in calibration/drivers/ run against Redis + Sentinel");
            }

            return RealCluster.ClusterCalibration.Run(scenarioName, scenarioSha256, world, settings, progress, cancellationToken);
        }

        var problems = RealFaultInjector.Problems(world);
        if (problems.Count > 0)
        {
            throw new CalibrationSetupException("this scenario cannot be calibrated:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        if (!Processes.Signals.Supported)
        {
            throw new CalibrationSetupException("calibrate needs Linux or macOS (POSIX signals for crash and pause faults)");
        }

        var binaries = RedisBinaries.Find(settings.RedisServerPath, settings.RedisSentinelPath);
        var (driver, driverDirectory, clientWorld) = ClientUnderCalibration(world, settings.ClientLibrary);
        var (scaled, scale) = Scale(clientWorld, settings.MaxWriteRate);
        var notes = Notes(world, scaled, scale, binaries);
        if (settings.ModelWorld is not null)
        {
            notes.Add("the model side ran a deliberately changed world (a test of the verdict), not the scenario the real runs ran");
        }

        foreach (string note in notes)
        {
            progress.WriteLine("note: " + note);
        }

        var real = new List<RealRunResult>();
        for (int run = 1; run <= settings.Runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.WriteLine($"real run {run}/{settings.Runs} ({binaries.Version})");
            string runName = "real-run-" + run.ToString(CultureInfo.InvariantCulture);
            var runSettings = new RealRunSettings(
                binaries,
                settings.PortBase,
                run,
                Path.Combine(settings.OutDir, runName),
                WorkDirectory(settings.OutDir, runName),
                unchecked((int)(settings.Seed + (ulong)run - 1)),
                CutMode.BlackHole,
                settings.ConvergenceCap)
            {
                Driver = driver,
                DriverDirectory = driverDirectory,
            };
            var result = RealRun.Execute(scaled, runSettings, progress, cancellationToken);
            real.Add(result);
            var m = result.Metrics;
            progress.WriteLine($"  +switch-master {Text(m.ControlPlaneSeconds)} s, first ack by new primary {Text(m.ClientObservedSeconds)} s, acked {m.Acknowledged}, lost {m.AcknowledgedLost}, P99 {m.LatencyP99Ms:0.#} ms{(m.Converged ? string.Empty : ", NOT converged: " + result.ConvergenceNote)}");
        }

        // The model runs after the real runs, on the test bed's network they measured (TestBedNetwork, A107).
        var testBed = TestBedNetwork.Fit(real.SelectMany(r => r.ProbeRoundTripsMs).ToList());
        var modelWorld = testBed is null ? scaled : scaled with { Network = testBed.Spec() };
        if (testBed is not null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the model runs on the test bed's network: {testBed.Probes} PINGs from the clients to the primary through their proxies before each real run's workload took {testBed.RoundTripP50Ms:0.###} ms (P50) and {testBed.RoundTripP99Ms:0.###} ms (P99) there and back, so every model link has a log-normal one-way delay of median {testBed.OneWayMedianMs:0.####} ms and sigma {testBed.Sigma:0.###} (assumption A107) instead of the scenario's AWS delays"));
        }
        else
        {
            notes.Add("no client could time a PING (library drivers write only): the model runs the scenario's own network (AWS same-AZ/cross-AZ delays) where every real link is loopback, so sub-millisecond latencies differ by design");
        }

        // The test bed's proxies forward a cut's held bytes at the heal, not at the kernel's next RTO expiry (A35).
        modelWorld = modelWorld with { Network = modelWorld.Network with { RetransmitAtHeal = true } };
        if (world.Faults.Any(f => f.Kind is FaultKind.Isolate or FaultKind.Partition or FaultKind.OneWay))
        {
            notes.Add("the model's cut links deliver the client data they held at the heal, as the test bed's proxies do, where kernels would wait for their next retransmission timeout (docs/sources.md §11.17)");
        }

        var seeds = Enumerable.Range(0, settings.ModelSeeds).Select(i => settings.Seed + (ulong)i).ToList();
        progress.WriteLine($"model: {seeds.Count} seeds from {settings.Seed}");
        var model = ModelRuns.Run(settings.ModelWorld is { } change ? change(modelWorld) : modelWorld, seeds);

        var realMetrics = real.Select(r => r.Metrics).ToList();
        var modelMetrics = model.Select(m => m.Metrics).ToList();
        var rows = Comparison.Rows(modelMetrics, realMetrics);
        var allNotes = notes.Concat(real.Where(r => !r.Metrics.Converged).Select(r => $"real run {r.Metrics.Run} did not converge: {r.ConvergenceNote}"))
            .Concat(real.Where(r => r.Runtime.Stalls.Count > 0).Select(r => $"real run {r.Metrics.Run}: the clients' process was starved at {string.Join("; ", r.Runtime.Stalls)} (load average at start {r.LoadAverage}); StackExchange.Redis's reconfiguration blocks thread-pool threads, so client-side times include the wait"))
            .Concat(real.Where(r => r.UnidentifiedConnections > 0 || r.UnmappedClientConnections > 0).Select(r => $"real run {r.Metrics.Run}: {r.UnidentifiedConnections} proxied connections of unknown source and {r.UnmappedClientConnections} client connections outside the tunnels (never cut)"))
            .Concat(Processes.GuardedThread.Failures.Select(f => "a background thread failed (caught): " + f))
            .ToList();
        bool agrees = rows.All(r => r.Agrees != false) && realMetrics.All(m => m.Converged);
        return new CalibrationReport(scenarioName, scenarioSha256, binaries.Version, world.Workload.RatePerClient, scaled.Workload.RatePerClient, rows, modelMetrics, realMetrics, agrees, allNotes)
        {
            RealDetails = real,
            TestBed = testBed,
            ModelSamples = model.Count > 0 ? model[0].Result.Samples : null,
            ModelNodes = model.Count > 0 ? model[0].Result.Nodes : [],
            ModelClients = scaled.Clients.Select(c => c.Name).ToList(),
        };
    }

    /// <summary>
    /// The driver of the library under calibration and the world the model runs: StackExchange.Redis (in-process) keeps
    /// the scenario's client settings; another library runs its own defaults, so the model runs its profile.
    /// </summary>
    private static (Real.Drivers.ClientDriver? Driver, string Directory, WorldSpec World) ClientUnderCalibration(WorldSpec world, string library)
    {
        if (string.Equals(library, Real.Drivers.ClientDrivers.InProcess, StringComparison.OrdinalIgnoreCase))
        {
            return (null, string.Empty, world);
        }

        if (!Model.Catalog.ClientLibraries.TryFind(library, out var profile))
        {
            throw new CalibrationSetupException($"--client {library}: unknown client library");
        }

        var driver = Real.Drivers.ClientDrivers.Find(profile.Id)
            ?? throw new CalibrationSetupException($"--client {profile.Id}: {profile.Calibration}");
        string directory = Real.Drivers.ClientDrivers.Check(driver);
        return (driver, directory, world with { Client = profile.Settings });
    }

    /// <summary>The world with its rate scaled down so that all clients together stay under <paramref name="maxWriteRate"/>.</summary>
    internal static (WorldSpec World, double Scale) Scale(WorldSpec world, double maxWriteRate)
    {
        double total = world.Workload.RatePerClient * world.Clients.Sum(c => c.RateMultiplier);
        if (total <= maxWriteRate || total <= 0)
        {
            return (world, 1.0);
        }

        double scale = maxWriteRate / total;
        return (world with { Workload = world.Workload with { RatePerClient = world.Workload.RatePerClient * scale } }, scale);
    }

    private static List<string> Notes(WorldSpec world, WorldSpec scaled, double scale, RedisBinaries binaries)
    {
        var notes = new List<string>
        {
            "self-hosted path only: the AWS paths cannot run locally; their calibration stays the published figures (ElastiCache Multi-AZ failover ~27 s under AWS FIS, 15-30 s per AWS guidance: docs/sources.md §4.1)",
            $"real processes: {binaries.Version} on 127.0.0.1, every link through rfsim's proxies",
        };
        if (!string.Equals(scaled.Client.Library, ClientSettings.Default.Library, StringComparison.Ordinal))
        {
            notes.Add($"client library: {scaled.Client.Library}, its own defaults on the real side (driver in calibration/drivers/) and its profile in the model (rfsim explain client); the scenario's client: settings are not used");
        }

        if (scale < 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"write rate scaled down ×{scale:0.###} for this machine: {world.Workload.RatePerClient:0.##}/s → {scaled.Workload.RatePerClient:0.##}/s per client, on both sides (raise --max-write-rate to change)"));
        }

        return notes;
    }

    /// <summary>
    /// Where a real run's processes keep their files: on tmpfs (<c>/dev/shm</c>) when the machine has one, so that
    /// CONFIG REWRITE's fsync does not wait on a disk shared with other work; else in the output folder.
    /// </summary>
    private static string WorkDirectory(string outDir, string runName)
    {
        const string Shm = "/dev/shm";
        return OperatingSystem.IsLinux() && Directory.Exists(Shm)
            ? Path.Combine(Shm, $"rfsim-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{runName}")
            : Path.Combine(outDir, runName);
    }

    private static string Text(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
