using System.Globalization;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Reporting.Sweep;

namespace RedisFailoverSim.Cli.Sweep;

/// <summary>
/// <c>rfsim merge</c>: read every shard's <c>sweep-partial.json</c>, check that they are the shards of one sweep
/// (same scenario file, seed, runs, paths, vary and tool build; every shard exactly once, each complete), put each
/// replication in its cell, and write exactly what the single <c>rfsim sweep</c> would have written. The tool
/// stamped into the output is the partials' (the build that computed the numbers), not the merging one.
/// </summary>
internal static class MergeCommand
{
    public static int Execute(MergeVerb verb, CliEnvironment env)
    {
        var folders = verb.Folders.ToList();
        var partials = new List<(string Folder, SweepPartial Partial)>();
        var problems = new List<string>();
        foreach (var folder in folders)
        {
            if (TryRead(folder, out var problem) is { } partial)
            {
                partials.Add((folder, partial));
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Disagreements(partials));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Coverage(partials));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                env.Error.WriteLine($"{env.Tool.Name} merge: {problem}");
            }

            return ExitCodes.BadInput;
        }

        var setup = partials[0].Partial.Setup;
        var table = new ReplicationTable(setup.Points.Count, setup.Paths.Count, setup.Runs);
        foreach (var (_, partial) in partials)
        {
            foreach (var point in setup.Points)
            {
                for (var path = 0; path < setup.Paths.Count; path++)
                {
                    foreach (var run in partial.Shard.Runs(setup.Runs))
                    {
                        table.Set(point.Index, path, run, partial.Replications[point.Index, path, run]!.Value);
                    }
                }
            }
        }

        var destination = verb.Out ?? SweepCommand.DefaultFolder(setup.ScenarioName, shard: null);
        try
        {
            using var folder = SweepOutputFolder.Begin(destination);
            var printer = new SweepPrinter(env, verb.Quiet);
            printer.Line(string.Create(CultureInfo.InvariantCulture,
                $"merging {partials.Count} shard(s) of {setup.ScenarioName}: seed {setup.Seed}, {setup.Runs} runs x "
                + $"{setup.Points.Count} point(s) x {setup.Paths.Count} path(s)"));
            SweepCommand.Publish(env, printer, folder, new SweepReport(setup, table), charts: !verb.NoCharts);
            printer.Written(destination, folder.Written);
            return ExitCodes.Ok;
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"output folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static SweepPartial? TryRead(string folder, out string? problem)
    {
        problem = null;
        var file = Path.Combine(folder, SweepPartialJson.FileName);
        if (!Directory.Exists(folder))
        {
            problem = $"'{folder}': no such folder";
            return null;
        }

        if (!File.Exists(file))
        {
            problem = $"'{folder}': no {SweepPartialJson.FileName} (expected the --out folder of 'rfsim sweep --shard i/n')";
            return null;
        }

        try
        {
            return SweepPartialJson.Read(File.ReadAllBytes(file), file);
        }
        catch (SweepFormatException e)
        {
            problem = e.Message;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{file}: cannot read: {e.Message}";
            return null;
        }
    }

    /// <summary>Each field in which a partial differs from the first one, as one line.</summary>
    private static IEnumerable<string> Disagreements(List<(string Folder, SweepPartial Partial)> partials)
    {
        var (firstFolder, first) = partials[0];
        var expected = Fingerprint(first);
        foreach (var (folder, partial) in partials.Skip(1))
        {
            foreach (var ((field, value), (_, wanted)) in Fingerprint(partial).Zip(expected))
            {
                if (value != wanted)
                {
                    yield return $"partials disagree on {field}: '{folder}' has {value}, '{firstFolder}' has {wanted} "
                        + "(only the shards of one sweep merge)";
                }
            }
        }
    }

    private static List<(string Field, string Value)> Fingerprint(SweepPartial partial)
    {
        var s = partial.Setup;
        return
        [
            ("scenario sha256", s.ScenarioSha256),
            ("scenario file", s.ScenarioFile),
            ("scenario name", s.ScenarioName),
            ("scenario description", Quote(s.ScenarioDescription)),
            ("seed", s.Seed.ToString(CultureInfo.InvariantCulture)),
            ("runs", s.Runs.ToString(CultureInfo.InvariantCulture)),
            ("paths", string.Join(",", s.Paths)),
            ("vary", s.Axes.Count == 0 ? "none" : string.Join(" ", s.Axes.Select(Values))),
            ("shard count", partial.Shard.Count.ToString(CultureInfo.InvariantCulture)),
            ("tool", $"{s.Tool.Name} {s.Tool.Version} (commit {s.Tool.Commit ?? "unknown"})"),
        ];
    }

    /// <summary>Every shard once, each holding every replication of its shard.</summary>
    private static IEnumerable<string> Coverage(List<(string Folder, SweepPartial Partial)> partials)
    {
        var count = partials[0].Partial.Shard.Count;
        foreach (var group in partials.GroupBy(p => p.Partial.Shard.Index).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            var folders = string.Join(", ", group.Select(g => $"'{g.Folder}'"));
            yield return $"shard {group.Key}/{count} given {group.Count()} times: {folders}";
        }

        var missing = Enumerable.Range(0, count).Where(i => partials.All(p => p.Partial.Shard.Index != i)).ToList();
        if (missing.Count > 0)
        {
            yield return $"missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))}: every shard 0/{count} ... "
                + $"{count - 1}/{count} is needed once";
        }

        foreach (var (folder, partial) in partials)
        {
            var setup = partial.Setup;
            var lacking = setup.Points
                .SelectMany(point => partial.Shard.Runs(setup.Runs).SelectMany(run => Enumerable.Range(0, setup.Paths.Count)
                    .Where(path => partial.Replications[point.Index, path, run] is null)
                    .Select(path => (point.Index, run, Path: setup.Paths[path]))))
                .FirstOrDefault();
            if (lacking.Path is not null)
            {
                yield return $"'{folder}': shard {partial.Shard} lacks replication {lacking.run} of point {lacking.Index} "
                    + $"on path {lacking.Path} (an interrupted shard? run it again)";
            }
        }
    }

    private static string Values(SweepAxis axis) => $"{axis.Spec}=[{string.Join(",", axis.Values.Select(v => v.Text))}]";

    private static string Quote(string text) => "\"" + (text.Length > 40 ? text[..40] + "..." : text) + "\"";
}
