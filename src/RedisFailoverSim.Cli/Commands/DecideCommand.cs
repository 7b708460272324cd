using System.Globalization;
using RedisFailoverSim.Cli.Expectations;
using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Decision;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Scenarios.Cost;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// <c>rfsim decide</c>: run the scenario on every available path (over <c>--runs</c> seeds), price its month, walk the
/// four questions and print the recommendation; write it with the costs and the two cost charts.
/// </summary>
internal static class DecideCommand
{
    public static int Execute(DecideVerb verb, CliEnvironment env)
    {
        var scenario = ScenarioInput.TryLoad(env, verb.Scenario);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        if (scenario.Month is not { } month)
        {
            env.Error.WriteLine($"{scenario.SourcePath}: has no month: section; decide prices a month of the workload "
                + "(data-size-gb, ops-average, ops-peak, shape …; see scenarios/README.md)");
            return ExitCodes.BadInput;
        }

        var prices = PriceInput.TryLoad(env, verb.Prices);
        var team = Team(verb, scenario.Decide ?? DecideInputs.Default, env.Error);
        var selection = PathSelection.TrySelect(DeploymentPaths.All, scenario.Paths, [], env.AvailablePaths, env.Error);
        if (prices is null || team is null || selection is null)
        {
            return ExitCodes.BadInput;
        }

        if (verb.Runs is < 1 or > 1000)
        {
            env.Error.WriteLine($"--runs: expected 1 to 1000 seeds; found {verb.Runs}");
            return ExitCodes.BadInput;
        }

        var seed = verb.Seed ?? scenario.DefaultSeed ?? RunCommand.DefaultSeed;
        var runs = new List<IReadOnlyList<PathResult>>();
        for (var i = 0; i < verb.Runs; i++)
        {
            env.Cancellation.ThrowIfCancellationRequested();
            var s = seed + (ulong)i;
            try
            {
                runs.Add(selection.ToRun.Select(path => env.RunPath(path, scenario.World, s, new RunOptions(KeepSamples: false))).ToList());
            }
            catch (InvariantViolatedException e)
            {
                env.Error.WriteLine($"internal error: {e.Message} (seed {s})");
                env.Error.WriteLine($"replay with: {CliEnvironment.CommandName} run {verb.Scenario} --seed {s}");
                return ExitCodes.InternalError;
            }
        }

        var results = runs[0];
        var costs = CostModel.For(results, scenario.World, month, prices, team);
        var losses = PathLoss.Of(runs);
        var recommendation = DecisionMaker.Decide(losses, costs, month, team, prices);
        var report = new RunReport(
            scenario.Name, scenario.Description, scenario.Sha256, scenario.SourcePath, seed, env.Tool, results,
            ExpectationEvaluator.Evaluate(scenario.Expectations, results, costs))
        {
            World = scenario.World,
            Costs = costs,
            Prices = prices,
            Month = month,
            Recommendation = recommendation,
        };

        var text = DecisionText.Lines(recommendation, scenario.Name);
        foreach (var line in text)
        {
            env.Out.WriteLine(line);
        }

        var destination = verb.Out ?? Path.Combine("out", scenario.Name + "-decide");
        try
        {
            using var folder = OutputFolder.Begin(destination);
            var charts = new CostCharts(report, losses);
            IReportFile[] files =
            [
                new ReportFile("decision.md", (_, stream) => stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", text) + "\n"))),
                .. ReportFiles.Results,
                .. CostFiles.For(report),
                new ReportFile(CostCharts.DurabilityFile, (_, stream) => stream.Write(charts.DurabilityVersusCostPng())),
                new ReportFile(CostCharts.BreakEvenFile, (_, stream) => stream.Write(charts.BreakEvenPng())),
            ];
            folder.WriteAll(report, files, env.Cancellation);
            folder.Commit();
            env.Out.WriteLine();
            env.Out.WriteLine($"wrote {destination}/ ({string.Join(", ", folder.Written)})");
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay: {CliEnvironment.CommandName} decide {verb.Scenario} --seed {seed} --runs {verb.Runs}"));
            return ExitCodes.Ok;
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"output folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static DecideInputs? Team(DecideVerb verb, DecideInputs given, TextWriter error)
    {
        var tolerates = YesNo("--tolerates-loss", verb.ToleratesLoss, given.ToleratesLoss, error);
        var sre = YesNo("--sre", verb.Sre, given.SreCapacity, error);
        var sensitive = YesNo("--cost-sensitive", verb.CostSensitive, given.CostSensitive, error);
        if (verb.EngineerCost is < 0)
        {
            error.WriteLine($"--engineer-cost: expected US dollars a month, at least 0; found {verb.EngineerCost}");
            return null;
        }

        return tolerates is null || sre is null || sensitive is null
            ? null
            : new DecideInputs(tolerates.Value, sre.Value, sensitive.Value, verb.EngineerCost ?? given.EngineerCostPerMonth);
    }

    private static bool? YesNo(string option, string? text, bool fallback, TextWriter error)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return fallback;
            case "yes" or "true":
                return true;
            case "no" or "false":
                return false;
            default:
                error.WriteLine($"{option}: expected yes or no; found '{text}'");
                return null;
        }
    }
}
