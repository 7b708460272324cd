using System.Globalization;
using System.Runtime.InteropServices;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Calibration;

/// <summary>
/// <c>rfsim calibrate &lt;scenario.yaml&gt;</c>: the verb's whole behaviour, for the Cli to call. Exit codes: 0 model and
/// reality agree within the tolerances; 1 they differ (or a real run did not converge); 2 bad input, missing
/// Redis binaries, or a real cluster that could not be set up; 130 interrupted (Ctrl-C), after stopping everything.
/// </summary>
public static class CalibrationCommand
{
    /// <summary>Exit code: model and reality agree.</summary>
    public const int ExitAgree = 0;

    /// <summary>Exit code: they differ beyond a tolerance.</summary>
    public const int ExitDiffer = 1;

    /// <summary>Exit code: bad input or the real side cannot run.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Exit code: interrupted by Ctrl-C or SIGTERM.</summary>
    public const int ExitInterrupted = 130;

    /// <summary>The verb's help text (options and what it does), for the Cli's <c>--help</c>.</summary>
    public const string HelpText =
        "Runs the scenario against real redis-server and redis-sentinel processes on 127.0.0.1 and puts model and\n" +
        "reality side by side. Self-hosted path only: the AWS paths cannot run locally (their calibration stays the\n" +
        "published figures, e.g. ElastiCache Multi-AZ failover ~27 s under AWS FIS).\n" +
        "  --runs N              real runs (default 3); the model runs max(N, 10) seeds unless --model-seeds says otherwise\n" +
        "  --model-seeds M       model seeds\n" +
        "  --redis-server PATH   redis-server or valkey-server (default: on PATH)\n" +
        "  --redis-sentinel PATH redis-sentinel or valkey-sentinel (default: on PATH)\n" +
        "  --port-base P         first TCP port tried on 127.0.0.1 (default 26400); each is checked free before use\n" +
        "  --seed N              first model seed (default: the scenario's seed, else 1)\n" +
        "  --out DIR             output folder (default out/<scenario-name>/calibration)\n" +
        "  --max-write-rate R    cap on the real write rate, all clients, per second (default 500); both sides run the capped rate\n" +
        "  --client LIB          the client library to drive (default stackexchange-redis, in-process with the scenario's client\n" +
        "                        settings); redis-py, ioredis, node-redis and valkey-glide run their driver in calibration/drivers/\n" +
        "                        with the library's own defaults, and the model runs that library's profile (rfsim explain\n" +
        "                        client LIB)\n" +
        "Writes calibration.json, calibration-runs.csv and per-write CSVs. Exit codes: 0 agree, 1 differ, 2 bad input or no\n" +
        "Redis (install: apt-get install -y redis-server redis-sentinel), 130 interrupted.";

    /// <summary>
    /// Loads the scenario file and calibrates it. Never throws for bad input: it prints and returns 2.
    /// <paramref name="extraFiles"/>, when given, writes more files (charts) into the output folder after the report's
    /// own and returns their paths.
    /// </summary>
    public static int Run(
        CalibrateOptions options,
        TextWriter stdout,
        TextWriter stderr,
        Func<CalibrationReport, string, IReadOnlyList<string>>? extraFiles = null,
        Func<string, ICalibrationOutput>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(options.ScenarioPath);
        }
        catch (ScenarioException e)
        {
            stderr.WriteLine(e.Message);
            return ExitBadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotImplementedException)
        {
            stderr.WriteLine($"{options.ScenarioPath}: {e.Message}");
            return ExitBadInput;
        }

        var seed = options.Seed ?? scenario.DefaultSeed ?? 1;
        return Run(scenario.Name, scenario.Sha256, scenario.World, options with { Seed = seed }, stdout, stderr, extraFiles, stage);
    }

    /// <summary>Calibrates a world built in code (or already loaded) under a name; same exit codes.</summary>
    public static int Run(
        string scenarioName,
        string? scenarioSha256,
        WorldSpec world,
        CalibrateOptions options,
        TextWriter stdout,
        TextWriter stderr,
        Func<CalibrationReport, string, IReadOnlyList<string>>? extraFiles = null,
        Func<string, ICalibrationOutput>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            problems.ForEach(stderr.WriteLine);
            return ExitBadInput;
        }

        var settings = new CalibrationSettings(
            Runs: options.Runs,
            ModelSeeds: options.ModelSeeds ?? Math.Max(options.Runs, 10),
            Seed: options.Seed ?? 1,
            RedisServerPath: options.RedisServerPath,
            RedisSentinelPath: options.RedisSentinelPath,
            PortBase: options.PortBase,
            OutDir: options.OutDir ?? Path.Combine("out", scenarioName, "calibration"),
            MaxWriteRate: options.MaxWriteRate,
            ConvergenceCap: TimeSpan.FromSeconds(120))
        {
            ModelWorld = options.ModelWorld,
            ClientLibrary = options.ClientLibrary,
        };

        ICalibrationOutput? output = null;
        if (stage is not null)
        {
            try
            {
                output = stage(settings.OutDir);
            }
            catch (CalibrationSetupException e)
            {
                stderr.WriteLine("rfsim calibrate: " + e.Message);
                return ExitBadInput;
            }

            settings = settings with { OutDir = output.StagingPath };
        }

        using var staged = output;
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop cleanly: the run's finally blocks kill every process by id and close every proxy.
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });
        try
        {
            var report = Calibrator.Run(scenarioName, scenarioSha256, world, settings, stdout, interrupt.Token);
            var files = ReportFiles.Write(report, settings.OutDir).ToList();
            if (extraFiles is not null)
            {
                files.AddRange(extraFiles(report, settings.OutDir));
            }

            if (output is not null)
            {
                output.Commit();
                files = files.Select(f => Path.Combine(output.DestinationPath, Path.GetRelativePath(output.StagingPath, f))).ToList();
            }

            stdout.Write(ComparisonTable.Render(report));
            stdout.WriteLine("wrote " + string.Join(", ", files));
            return report.Agrees ? ExitAgree : ExitDiffer;
        }
        catch (CalibrationSetupException e)
        {
            stderr.WriteLine("rfsim calibrate: " + e.Message);
            return ExitBadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("rfsim calibrate: interrupted; every process it started has been stopped");
            return ExitInterrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            Processes.ChildProcessRegistry.KillAll();
        }
    }

    private static List<string> Problems(CalibrateOptions options)
    {
        var problems = new List<string>();
        if (options.Runs is < 1 or > 50)
        {
            problems.Add($"--runs {options.Runs.ToString(CultureInfo.InvariantCulture)}: expected 1..50");
        }

        if (options.ModelSeeds is < 1 or > 10_000)
        {
            problems.Add($"--model-seeds {options.ModelSeeds?.ToString(CultureInfo.InvariantCulture)}: expected 1..10000");
        }

        if (options.PortBase is < 1024 or > 63000)
        {
            problems.Add($"--port-base {options.PortBase.ToString(CultureInfo.InvariantCulture)}: expected 1024..63000");
        }

        if (!(options.MaxWriteRate > 0))
        {
            problems.Add($"--max-write-rate {options.MaxWriteRate.ToString(CultureInfo.InvariantCulture)}: expected a positive number of writes per second");
        }

        if (!Model.Catalog.ClientLibraries.TryFind(options.ClientLibrary, out var library))
        {
            problems.Add($"--client {options.ClientLibrary}: unknown client library; expected one of {string.Join(", ", Model.Catalog.ClientLibraries.Ids)}");
        }
        else if (!string.Equals(library.Id, Real.Drivers.ClientDrivers.InProcess, StringComparison.Ordinal) && Real.Drivers.ClientDrivers.Find(library.Id) is null)
        {
            problems.Add($"--client {library.Id}: {library.Calibration}");
        }

        return problems;
    }
}
