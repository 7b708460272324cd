using System.Globalization;
using RedisFailoverSim.Cli.Progress;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios;
using Spectre.Console;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// What <c>rfsim run</c> prints. Normal: a header (tool, scenario, seed, paths), progress, the table, a Jepsen
/// summary and the facts per path, the <c>expect:</c> verdicts, the files written and the replay command.
/// <c>--quiet</c>: the table only (its caption names scenario and seed); failed claims and errors still go to stderr.
/// </summary>
internal sealed class RunPrinter(CliEnvironment env, bool quiet)
{
    private readonly IAnsiConsole _ansi = env.CreateAnsiConsole();

    public void Header(Scenario scenario, ulong seed, PathSelection selection)
    {
        if (quiet)
        {
            return;
        }

        var commit = env.Tool.Commit is { Length: >= 7 } c ? $" ({c[..7]})" : "";
        var sha = scenario.Sha256.Length >= 12 ? scenario.Sha256[..12] : scenario.Sha256;
        env.Out.WriteLine($"{env.Tool.Name} {env.Tool.Version}{commit}  scenario {scenario.Name} (sha256 {sha}...)  seed {seed}");
        env.Out.WriteLine($"paths: {string.Join(", ", selection.ToRun)}"
            + (selection.Skipped.Count > 0 ? $"  (not available yet, skipped: {string.Join(", ", selection.Skipped)})" : ""));
    }

    /// <summary>
    /// Runs <paramref name="run"/> for each path with a progress sink: a Spectre bar per path on a terminal,
    /// <c>progress &lt;path&gt; N%</c> lines on stderr otherwise, nothing with --quiet. Every sink throws
    /// <see cref="OperationCanceledException"/> at its next report after Ctrl-C.
    /// </summary>
    public void WithProgress(IReadOnlyList<string> paths, CancellationToken cancellation, Action<string, IProgress<double>> run)
    {
        if (quiet)
        {
            foreach (var path in paths)
            {
                run(path, new LineProgress(TextWriter.Null, path, cancellation));
            }

            return;
        }

        if (_ansi.Profile.Capabilities.Interactive)
        {
            _ansi.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var tasks = paths.Select(p => context.AddTask(Markup.Escape(p), autoStart: false)).ToList();
                    for (var i = 0; i < paths.Count; i++)
                    {
                        tasks[i].StartTask();
                        run(paths[i], new BarProgress(tasks[i], cancellation));
                        tasks[i].Value = tasks[i].MaxValue;
                        tasks[i].StopTask();
                    }
                });
            return;
        }

        foreach (var path in paths)
        {
            var progress = new LineProgress(env.Error, path, cancellation);
            progress.Start();
            run(path, progress);
            progress.Finish();
        }
    }

    public void Results(RunReport report)
    {
        var table = ConsoleTable.Build(report.Paths);
        table.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{report.ScenarioName}, seed {report.Seed}")));
        _ansi.Write(table);
        if (CostTable.Build(report) is { } costs)
        {
            _ansi.Write(costs);
        }

        if (quiet)
        {
            return;
        }

        foreach (var line in CostTable.Details(report))
        {
            env.Out.WriteLine(line);
        }

        foreach (var result in report.Paths)
        {
            env.Out.WriteLine();
            env.Out.WriteLine(result.Path);
            foreach (var line in TextWrap.Lines(RunVerdict.Paragraph(result, report.World), 98))
            {
                env.Out.WriteLine("  " + line);
            }

            foreach (var line in ConsoleTable.Summary(result))
            {
                env.Out.WriteLine("  " + line);
            }

            foreach (var fact in result.Facts)
            {
                env.Out.WriteLine($"  {(fact.Value ? "yes" : "no ")}  {fact.Key}: {fact.Detail}");
            }

            foreach (var band in result.Bands)
            {
                foreach (var line in TextWrap.Lines("band: " + band.Sentence(), 96))
                {
                    env.Out.WriteLine("  " + line);
                }
            }

            if (!result.Converged)
            {
                env.Out.WriteLine("  warning: replication did not converge before the run's bound; lost counts writes missing at the end");
            }
        }

        if (report.Expectations.Count > 0)
        {
            env.Out.WriteLine();
            env.Out.WriteLine("expect:");
            foreach (var outcome in report.Expectations)
            {
                env.Out.WriteLine($"  {Status(outcome.Status),-8} {Claim(outcome)}  ({Because(outcome)})");
            }
        }
    }

    public void Trace(IEnumerable<string> lines)
    {
        env.Out.WriteLine();
        foreach (var line in lines)
        {
            env.Out.WriteLine(line);
        }
    }

    public void Written(string destination, IReadOnlyList<string> files, string replay)
    {
        if (quiet)
        {
            return;
        }

        env.Out.WriteLine();
        env.Out.WriteLine($"wrote {destination}{Path.DirectorySeparatorChar} ({string.Join(", ", files)})");
        env.Out.WriteLine($"replay: {replay}");
    }

    /// <summary>Names each failed claim on stderr (file:line) and returns the exit code.</summary>
    public int Verdict(IReadOnlyList<ExpectationOutcome> outcomes, string scenarioFile)
    {
        var failed = outcomes.Where(o => o.Status == ExpectationStatus.Failed).ToList();
        foreach (var outcome in failed)
        {
            env.Error.WriteLine($"{Location(outcome, scenarioFile)}expectation failed: {Claim(outcome)} ({Because(outcome)})");
        }

        if (failed.Count == 0)
        {
            return ExitCodes.Ok;
        }

        env.Error.WriteLine($"{failed.Count} of {outcomes.Count} expectations failed");
        return ExitCodes.ExpectationFailed;
    }

    private static string Status(ExpectationStatus status) => status switch
    {
        ExpectationStatus.Held => "held",
        ExpectationStatus.Failed => "FAILED",
        ExpectationStatus.Skipped => "skipped",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string Claim(ExpectationOutcome outcome)
    {
        var e = outcome.Expectation;
        var op = e.Operator switch
        {
            Comparison.Less => "<",
            Comparison.LessOrEqual => "<=",
            Comparison.Greater => ">",
            Comparison.GreaterOrEqual => ">=",
            Comparison.Equal => "==",
            Comparison.NotEqual => "!=",
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        var than = e.RelativeTo is not { } other ? Number(e.Value) : e.Value == 1 ? other : $"{Number(e.Value)}x {other}";
        return $"{e.Path} {e.Metric} {op} {than}";
    }

    private static string Because(ExpectationOutcome outcome) =>
        outcome.Actual is { } actual
            ? "actual " + Numbers.Judged(actual)
                + (outcome.Compared is { } compared ? $"; {outcome.Expectation.RelativeTo} {Numbers.Judged(compared)}" : "")
                + (outcome.Detail.Length > 0 ? "; " + outcome.Detail : "")
            : outcome.Detail;

    private static string Location(ExpectationOutcome outcome, string scenarioFile) =>
        outcome.Expectation.Line > 0 ? $"{scenarioFile}:{outcome.Expectation.Line}: " : $"{scenarioFile}: ";

    private static string Number(double value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture);
}
