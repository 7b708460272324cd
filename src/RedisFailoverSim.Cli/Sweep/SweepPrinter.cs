using System.Globalization;
using RedisFailoverSim.Cli.Progress;
using RedisFailoverSim.Reporting.Sweep;
using Spectre.Console;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// What <c>rfsim sweep</c> and <c>rfsim merge</c> print, after <c>rfsim run</c>'s conventions: a header, progress
/// on stderr (a Spectre bar on a terminal, else <c>progress sweep N%</c> lines at most one per 10 %), the table,
/// the files written. <c>--quiet</c>: the table only.
/// </summary>
internal sealed class SweepPrinter(CliEnvironment env, bool quiet)
{
    private readonly IAnsiConsole _ansi = env.CreateAnsiConsole();

    public void Header(SweepSetup setup, IReadOnlyList<string> skipped, SweepShard? shard, int parallel)
    {
        if (quiet)
        {
            return;
        }

        var commit = env.Tool.Commit is { Length: >= 7 } c ? $" ({c[..7]})" : "";
        var sha = setup.ScenarioSha256.Length >= 12 ? setup.ScenarioSha256[..12] : setup.ScenarioSha256;
        var runs = shard is null ? setup.Runs : shard.Runs(setup.Runs).Count;
        var replications = (long)runs * setup.Points.Count * setup.Paths.Count;
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{env.Tool.Name} {env.Tool.Version}{commit}  scenario {setup.ScenarioName} (sha256 {sha}...)  seed {setup.Seed}"));
        env.Out.WriteLine($"paths: {string.Join(", ", setup.Paths)}"
            + (skipped.Count > 0 ? $"  (not available yet, skipped: {string.Join(", ", skipped)})" : ""));
        foreach (var axis in setup.Axes)
        {
            env.Out.WriteLine($"vary {axis.Key}: {string.Join(", ", axis.Values.Select(v => v.Text))}");
        }

        var part = shard is null
            ? ""
            : string.Create(
                CultureInfo.InvariantCulture, $" (shard {shard}: replications {shard.Index}, {shard.Index + shard.Count}, ...)");
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep: {runs} runs x {setup.Points.Count} point(s) x {setup.Paths.Count} path(s) = {replications} replications"
            + $"{part} on {parallel} worker(s)"));
    }

    /// <summary>Runs <paramref name="run"/> with a progress sink that throws on Ctrl-C.</summary>
    public T WithProgress<T>(CancellationToken cancellation, Func<IProgress<double>, T> run)
    {
        if (quiet)
        {
            return run(new LineProgress(TextWriter.Null, "sweep", cancellation));
        }

        if (_ansi.Profile.Capabilities.Interactive)
        {
            T result = default!;
            _ansi.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("sweep");
                    result = run(new BarProgress(task, cancellation));
                    task.Value = task.MaxValue;
                });
            return result;
        }

        var progress = new LineProgress(env.Error, "sweep", cancellation);
        var value = run(progress);
        progress.Finish();
        return value;
    }

    public void Table(SweepReport report) => _ansi.Write(SweepTable.Build(report));

    public void Elapsed(long replications, TimeSpan elapsed, int parallel)
    {
        if (quiet)
        {
            return;
        }

        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{replications} replications in {elapsed.TotalSeconds:0.0} s wall on {parallel} worker(s)"));
    }

    public void Written(string destination, IReadOnlyList<string> files)
    {
        if (quiet)
        {
            return;
        }

        env.Out.WriteLine();
        env.Out.WriteLine($"wrote {destination}{Path.DirectorySeparatorChar} ({string.Join(", ", files)})");
    }

    public void Line(string text)
    {
        if (!quiet)
        {
            env.Out.WriteLine(text);
        }
    }
}
