using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Cli.Sweep.Emit;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Sweep;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// <c>rfsim sweep</c>: check the options, load the scenario once per grid point (so a bad <c>--vary</c> value fails
/// before anything runs), begin the output folder, run the replications in parallel, then print the table and
/// write the folder, or, with <c>--shard</c>, write the partial result.
/// </summary>
internal static class SweepCommand
{
    /// <summary>The most <c>--vary</c> options: a grid of two settings.</summary>
    public const int MaxAxes = 2;

    /// <summary>The most replications <c>--runs</c> asks for at one grid point: the per-replication table stays in memory.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The most replications per path over the whole grid.</summary>
    public const long MaxReplications = 10_000_000;

    public static int Execute(SweepVerb verb, CliEnvironment env) => Execute(verb, env, ScenarioLoader.Load);

    /// <summary>
    /// Runs the verb; <paramref name="loadWithOverrides"/> loads the scenario with a grid point's settings (the real
    /// loader; tests may pass another). Without <c>--vary</c> only <see cref="CliEnvironment.LoadScenario"/> is used.
    /// </summary>
    public static int Execute(
        SweepVerb verb, CliEnvironment env, Func<string, IReadOnlyList<ScenarioOverride>, Scenario> loadWithOverrides)
    {
        if (ReadOptions(verb, env) is not { } options)
        {
            return ExitCodes.BadInput;
        }

        var scenario = ScenarioInput.TryLoad(env, verb.Scenario);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var requested = PathSelection.Requested(verb.Paths, env.Error);
        if (requested is null)
        {
            return ExitCodes.BadInput;
        }

        var selection = PathSelection.TrySelect(DeploymentPaths.All, scenario.Paths, requested, env.AvailablePaths, env.Error);
        if (selection is null)
        {
            return ExitCodes.BadInput;
        }

        var setup = new SweepSetup(
            scenario.Name, scenario.Description, scenario.Sha256, Path.GetFileName(scenario.SourcePath),
            verb.Seed ?? scenario.DefaultSeed ?? RunCommand.DefaultSeed, verb.Runs, env.Tool, selection.ToRun, options.Axes);
        var worlds = LoadPoints(env, scenario, setup, loadWithOverrides);
        if (worlds is null)
        {
            return ExitCodes.BadInput;
        }

        if (options.Emit is { } emit)
        {
            return EmitCommand.Execute(env, emit.Target, new BatchSweep(
                scenario.Name, Path.GetFullPath(scenario.SourcePath), setup.Seed, setup.Runs, setup.Paths, verb.Vary.ToList(),
                verb.Audit, emit.Shards, verb.Parallel ?? 1,
                Path.GetFullPath(verb.Out ?? DefaultFolder(scenario.Name, shard: null) + "-" + emit.Target),
                BatchSweep.ThisRfsim(), verb.Image ?? BatchSweep.DefaultImage(env.Tool)));
        }

        // Each grid point's replications, over the workers; a shard runs only its share of each point's runs.
        long runsHere = options.Shard?.Runs(setup.Runs).Count ?? setup.Runs;
        var perRun = worlds.Select(w => WorkEstimate.For(w, setup.Paths, audit: verb.Audit)).ToList();
        var estimate = new WorkEstimate(
            perRun.Sum(e => e.Writes), perRun.Sum(e => e.Events), perRun.Sum(e => e.WallSeconds), perRun.Max(e => e.MemoryBytes))
            .Times(runsHere, options.Parallel);
        if (!WorkGuard.Allows(env, estimate, verb.Force, "sweep", scenario.SourcePath))
        {
            return ExitCodes.BadInput;
        }

        var destination = verb.Out ?? DefaultFolder(scenario.Name, options.Shard);
        try
        {
            using var folder = SweepOutputFolder.Begin(destination);
            var printer = new SweepPrinter(env, verb.Quiet);
            printer.Header(setup, selection.Skipped, options.Shard, options.Parallel);
            var table = Run(verb, env, setup, worlds, options, printer);
            if (table is null)
            {
                return ExitCodes.InternalError;
            }

            if (options.Shard is { } shard)
            {
                folder.WriteAll(setup, SweepFile.ForPartial(new SweepPartial(setup, shard, table)), env.Cancellation);
                folder.Commit();
                printer.Written(destination, folder.Written);
                printer.Line(
                    $"merge every shard with: {CliEnvironment.CommandName} merge <the {shard.Count} shard folders> --out DIR");
                return ExitCodes.Ok;
            }

            Publish(env, printer, folder, new SweepReport(setup, table), charts: !verb.NoCharts);
            printer.Written(destination, folder.Written);
            return ExitCodes.Ok;
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"output folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Prints the table and writes the complete output: the same for a sweep and for a merge.</summary>
    public static void Publish(CliEnvironment env, SweepPrinter printer, SweepOutputFolder folder, SweepReport report, bool charts)
    {
        printer.Table(report);
        folder.WriteAll(report.Setup, SweepFile.ForReport(report, charts), env.Cancellation);
        folder.Commit();
    }

    /// <summary>The default output folder: <c>out/&lt;name&gt;-sweep</c>, or <c>…-sweep-shard-I-of-N</c>.</summary>
    public static string DefaultFolder(string scenarioName, SweepShard? shard)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(scenarioName.Select(c => invalid.Contains(c) || c == '/' || c == '\\' ? '-' : c).ToArray())
            .Trim('.', ' ');
        var name = (safe.Length == 0 ? "scenario" : safe) + "-sweep"
            + (shard is null ? "" : string.Create(CultureInfo.InvariantCulture, $"-shard-{shard.Index}-of-{shard.Count}"));
        return Path.Combine("out", name);
    }

    private static SweepOptions? ReadOptions(SweepVerb verb, CliEnvironment env)
    {
        var problems = new List<string>();
        if (verb.Runs < 1 || verb.Runs > MaxRuns)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--runs: expected 1 to {MaxRuns:N0}; found {verb.Runs}"));
        }

        var parallel = verb.Parallel ?? Environment.ProcessorCount;
        if (parallel < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--parallel: expected at least 1; found {parallel}"));
        }

        var specs = verb.Vary.ToList();
        var axes = new List<SweepAxis>();
        if (specs.Count > MaxAxes)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture, $"--vary: at most {MaxAxes} (a grid of two settings); found {specs.Count}"));
        }
        else
        {
            foreach (var spec in specs)
            {
                if (VaryParser.TryParse(spec, out var problem) is not { } axis)
                {
                    problems.Add($"--vary {problem}");
                }
                else if (axes.Any(a => a.Key == axis.Key))
                {
                    problems.Add($"--vary: '{axis.Key}' is varied twice");
                }
                else
                {
                    axes.Add(axis);
                }
            }
        }

        long replications = axes.Aggregate((long)Math.Max(1, verb.Runs), (total, axis) => total * axis.Values.Count);
        if (verb.Runs <= MaxRuns && replications > MaxReplications)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--runs {verb.Runs:N0} at each of {replications / Math.Max(1, verb.Runs):N0} grid points is {replications:N0} replications per path; "
                + $"at most {MaxReplications:N0} (split a bigger study into several sweeps)"));
        }

        SweepShard? shard = null;
        if (verb.Shard is { } shardText && verb.Runs >= 1)
        {
            shard = ShardOption.TryParse(shardText, verb.Runs, out var problem);
            if (shard is null)
            {
                problems.Add($"--shard {problem}");
            }
        }

        var emit = EmitOption.Read(verb, problems);
        if (problems.Count == 0)
        {
            return new SweepOptions(parallel, axes, shard, emit);
        }

        foreach (var problem in problems)
        {
            env.Error.WriteLine($"{env.Tool.Name}: {problem}");
        }

        env.Error.WriteLine($"see: {env.Tool.Name} sweep --help");
        return null;
    }

    private static List<WorldSpec>? LoadPoints(
        CliEnvironment env, Scenario scenario, SweepSetup setup, Func<string, IReadOnlyList<ScenarioOverride>, Scenario> load)
    {
        var worlds = new List<WorldSpec>();
        var failed = false;
        foreach (var point in setup.Points)
        {
            if (point.Overrides.Count == 0)
            {
                worlds.Add(scenario.World);
                continue;
            }

            try
            {
                worlds.Add(load(scenario.SourcePath, point.Overrides).World);
            }
            catch (ScenarioException e)
            {
                // One grid point's problems are enough: the others differ only in the value.
                ScenarioInput.PrintProblems(env.Error, e);
                failed = true;
                break;
            }
        }

        return failed ? null : worlds;
    }

    private static ReplicationTable? Run(
        SweepVerb verb,
        CliEnvironment env,
        SweepSetup setup,
        IReadOnlyList<WorldSpec> worlds,
        SweepOptions options,
        SweepPrinter printer)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // Every replication gets these options: samples are not kept (a sweep keeps a few numbers per run), and
            // the exact ledger only with --audit.
            var template = new RunOptions(KeepSamples: false) { Audit = verb.Audit };
            var table = printer.WithProgress(env.Cancellation, progress => SweepRunner.Run(
                setup, worlds, options.Shard, options.Parallel, template, env.RunPath, progress, env.Cancellation));
            var runs = options.Shard?.Runs(setup.Runs).Count ?? setup.Runs;
            printer.Elapsed((long)runs * setup.Points.Count * setup.Paths.Count, clock.Elapsed, options.Parallel);
            return table;
        }
        catch (ReplicationFailedException e)
        {
            var what = e.InnerException is InvariantViolatedException
                ? "internal error"
                : "internal error: " + e.InnerException!.GetType().Name;
            env.Error.WriteLine($"{what}: {e.Message}");
            var point = setup.Points[e.Point];
            var replay = $"{CliEnvironment.CommandName} run {verb.Scenario} --seed {e.Seed} --paths {e.Path}"
                + (verb.Audit ? " --audit" : "");
            env.Error.WriteLine(point.Overrides.Count == 0
                ? $"replay with: {replay}"
                : $"replay with: {replay}, after setting {point.Label} in the scenario file");
            return null;
        }
    }

    private sealed record SweepOptions(int Parallel, IReadOnlyList<SweepAxis> Axes, SweepShard? Shard, EmitOption? Emit);
}
