using System.Globalization;
using RedisFailoverSim.Cli.Expectations;
using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Reporting.Trace;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// <c>rfsim run</c>: load, check the output folder, run each path with progress, judge the <c>expect:</c>
/// claims, print, and write the output folder atomically.
/// </summary>
internal static class RunCommand
{
    /// <summary>The seed when neither <c>--seed</c> nor the scenario's <c>seed:</c> gives one.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>
    /// The most writes a run keeps every write's outcome for, without <c>--audit</c>, to draw the per-write charts and
    /// count the trace's writes: about 40 bytes per write while a path runs and 8 per write and path after it
    /// (<see cref="WorkEstimate"/>), so at most about 360 MB over four paths; every bundled scenario fits
    /// (serverless-burst, the largest, plans 4.1 M: 373 MB peak). Longer runs use the compact accounting alone and skip
    /// those charts.
    /// </summary>
    public const long SampledWritesLimit = 5_000_000;

    public static int Execute(RunVerb verb, CliEnvironment env)
    {
        var scenario = ScenarioInput.TryLoad(env, verb.Scenario);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var prices = PriceInput.TryLoad(env, verb.Prices);
        if (prices is null)
        {
            return ExitCodes.BadInput;
        }

        var seed = verb.Seed ?? scenario.DefaultSeed ?? DefaultSeed;
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

        bool exactLedger = verb.Audit || ((!verb.NoCharts || verb.Trace) && PlannedWrites(scenario.World) <= SampledWritesLimit);
        var estimate = WorkEstimate.For(scenario.World, selection.ToRun, audit: verb.Audit, charts: exactLedger);
        if (!WorkGuard.Allows(env, estimate, verb.Force, "run", scenario.SourcePath))
        {
            return ExitCodes.BadInput;
        }

        var destination = verb.Out ?? Path.Combine("out", SafeFolderName(scenario.Name));
        try
        {
            // Begun before the simulation: an unwritable folder fails now, not after a long run.
            using var folder = OutputFolder.Begin(destination);
            var printer = new RunPrinter(env, verb.Quiet);
            printer.Header(scenario, seed, selection);
            var results = RunPaths(verb, env, scenario, seed, selection.ToRun, printer);
            if (results is null)
            {
                return ExitCodes.InternalError;
            }

            // The month's cost first: cost claims (expect: monthlyCost) are checked against it.
            var costs = scenario.Month is { } billed ? CostModel.For(results, scenario.World, billed, prices, scenario.Decide) : null;
            var outcomes = ExpectationEvaluator.Evaluate(scenario.Expectations, results, costs);
            var report = new RunReport(
                scenario.Name, scenario.Description, scenario.Sha256, scenario.SourcePath, seed, env.Tool, results, outcomes)
            {
                World = scenario.World,
                Prices = prices,
            };
            if (scenario.Month is { } month && costs is not null)
            {
                var team = scenario.Decide ?? RedisFailoverSim.Scenarios.Cost.DecideInputs.Default;
                report = report with
                {
                    Costs = costs,
                    Month = month,
                    Recommendation = RedisFailoverSim.Reporting.Decision.DecisionMaker.Decide(
                        RedisFailoverSim.Reporting.Decision.PathLoss.Of([results]), costs, month, team, prices),
                };
            }

            printer.Results(report);
            if (verb.Trace)
            {
                printer.Trace(TraceText.Lines(results, verb.TraceFilter));
            }

            folder.WriteAll(report, [.. Files(verb, env), .. CostFiles.For(report, charts: !verb.NoCharts)], env.Cancellation);
            folder.Commit();
            printer.Written(destination, folder.Written, Replay(verb, seed, paths: null));
            return printer.Verdict(outcomes, scenario.SourcePath);
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"output folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (InternalErrors.IsBug(e))
        {
            // Past the simulation (charts, report, expectations): the whole run replays it.
            InternalErrors.Print(env.Error, e, Replay(verb, seed, paths: null));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The command that replays a run, printed with results and internal errors.</summary>
    public static string Replay(RunVerb verb, ulong seed, string? paths) =>
        $"{CliEnvironment.CommandName} run {verb.Scenario} --seed {seed}" + (paths is null ? "" : " --paths " + paths)
        + (verb.Audit ? " --audit" : "");

    private static IReadOnlyList<PathResult>? RunPaths(
        RunVerb verb, CliEnvironment env, Scenario scenario, ulong seed, IReadOnlyList<string> paths, RunPrinter printer)
    {
        var results = new List<PathResult>();
        string? current = null;

        // The per-write charts and the trace's counts need every write: the exact ledger, for runs of a sensible size.
        bool wantsSamples = !verb.NoCharts || verb.Trace;
        long planned = PlannedWrites(scenario.World);
        bool keepSamples = wantsSamples && (verb.Audit || planned <= SampledWritesLimit);
        if (wantsSamples && !keepSamples)
        {
            string count = planned.ToString("N0", CultureInfo.InvariantCulture);
            string limit = SampledWritesLimit.ToString("N0", CultureInfo.InvariantCulture);
            env.Error.WriteLine($"note: about {count} writes planned, more than the {limit} kept for the per-write charts "
                + "and trace counts: they are skipped (the roles chart and every number are not). Add --audit to keep "
                + "every write anyway (about 300 bytes each with five nodes).");
        }

        try
        {
            printer.WithProgress(paths, env.Cancellation, (path, progress) =>
            {
                current = path;
                // The narrated trace counts the writes the old primary acknowledged, so --trace keeps them too.
                var options = new RunOptions(KeepSamples: keepSamples, Progress: progress) { Audit = verb.Audit };
                var result = env.RunPath(path, scenario.World, seed, options);

                // Where the result rests on an assumption with a switch (A19's fencing), run the other choice too.
                results.Add(AssumptionBands.With(result, scenario.World, seed, env.RunPath));
                if (keepSamples)
                {
                    // The path's exact ledger (tens of bytes a write) is garbage now: collect it before the next path
                    // allocates its own, or the runtime may hold every path's ledger at once (serverless-burst: 600 MB
                    // instead of under 500). Results are unaffected; it costs a few milliseconds.
                    GC.Collect();
                }
            });
            return results;
        }
        catch (Exception e) when (InternalErrors.IsBug(e))
        {
            InternalErrors.Print(env.Error, e, Replay(verb, seed, current), $"path {current}, seed {seed}");
            return null;
        }
    }

    /// <summary>
    /// Roughly how many writes a run issues: every client's rate, at the highest phase, for the workload, plus what
    /// traffic bursts add.
    /// </summary>
    internal static long PlannedWrites(WorldSpec world)
    {
        double perSecond = world.Workload.RatePerClient * world.Clients.Sum(c => c.RateMultiplier);
        double peak = Math.Max(1, world.Workload.Phases.Select(p => p.RateMultiplier).DefaultIfEmpty(1).Max());
        double writes = perSecond * peak * world.Workload.Duration.TotalSeconds;
        foreach (var burst in world.Faults.Where(f => f.Kind == FaultKind.TrafficBurst))
        {
            double seconds = Math.Min(
                burst.Duration?.TotalSeconds ?? double.MaxValue,
                Math.Max(0, world.Workload.Duration.TotalSeconds - burst.At.TotalSeconds));
            writes += perSecond * peak * Math.Max(0, burst.RateMultiplier - 1) * seconds;
        }

        return (long)Math.Ceiling(writes);
    }

    private static List<IReportFile> Files(RunVerb verb, CliEnvironment env)
    {
        var files = new List<IReportFile>(ReportFiles.Results) { TimelinePage.File };
        if (verb.Trace)
        {
            files.Add(TraceText.File(verb.TraceFilter));
        }

        if (!verb.NoCharts)
        {
            files.AddRange(env.ChartFiles);
        }

        return files;
    }

    private static string SafeFolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c == '/' || c == '\\' ? '-' : c).ToArray());
        return safe.Trim('.', ' ').Length == 0 ? "scenario" : safe;
    }
}
