using System.Text;
using RedisFailoverSim.Cli.Scenarios;
using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Output;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// <c>rfsim plots</c>: runs every bundled scenario (its seed, every available path of it), picks the charts that
/// tell its story (<see cref="ChartGallery"/>) and writes them with a README into the gallery folder. Everything
/// is rendered before anything is written, so a failure leaves the old gallery as it was.
/// </summary>
internal static class PlotsCommand
{
    public static int Execute(PlotsVerb verb, CliEnvironment env)
    {
        var folder = BundledScenarios.FindFolder(env.SearchRoots);
        if (folder is null)
        {
            env.Error.WriteLine("no scenarios/ folder found (searched upward from the current folder and from the rfsim folder)");
            return ExitCodes.BadInput;
        }

        try
        {
            GalleryFolder.CheckWritable(verb.Out);
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"gallery folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }

        var entries = new List<GalleryEntry>();
        var skipped = new List<(string Scenario, string Reason)>();
        foreach (var file in BundledScenarios.Files(folder))
        {
            env.Cancellation.ThrowIfCancellationRequested();
            var scenario = env.LoadScenario(file);
            var paths = DeploymentPaths.All.Where(p => scenario.Paths.Contains(p) && env.AvailablePaths.Contains(p)).ToList();
            if (paths.Count == 0)
            {
                skipped.Add((scenario.Name, $"none of its paths ({string.Join(", ", scenario.Paths)}) is available yet"));
                env.Out.WriteLine($"{scenario.Name}: skipped, none of its paths is available yet");
                continue;
            }

            var seed = scenario.DefaultSeed ?? RunCommand.DefaultSeed;
            var results = paths.Select(p => env.RunPath(p, scenario.World, seed, new RunOptions(KeepSamples: true))).ToList();
            var report = new RunReport(scenario.Name, scenario.Description, scenario.Sha256, scenario.SourcePath, seed, env.Tool, results, [])
            {
                World = scenario.World,
            };
            var picked = ChartGallery.Pick(report);
            entries.AddRange(picked);
            env.Out.WriteLine($"{scenario.Name}: {string.Join(", ", picked.Select(e => e.FileName))}");
        }

        var readme = ChartGallery.Readme(entries, skipped, env.Tool);
        var files = entries.Select(e => (e.FileName, e.Png)).ToList();
        files.Add((ChartGallery.ReadmeFileName, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(readme)));
        try
        {
            foreach (var kept in GalleryFolder.Write(verb.Out, files))
            {
                env.Error.WriteLine($"note: kept {Path.Combine(verb.Out, kept)}: an earlier gallery wrote it, but it was changed since");
            }
        }
        catch (OutputFolderException e)
        {
            env.Error.WriteLine($"gallery folder '{e.FolderPath}': {e.Message}");
            return ExitCodes.BadInput;
        }

        env.Out.WriteLine($"wrote {entries.Count} charts and {ChartGallery.ReadmeFileName} to {verb.Out}");
        return ExitCodes.Ok;
    }
}
