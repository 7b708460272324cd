using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Bench;

/// <summary>
/// Runs each bundled scenario on each available path repeatedly and prints one JSON line per (scenario, path):
/// simulated seconds per wall second, engine events per second, and the process's peak working set so far.
/// </summary>
internal static class ScenarioBenchmark
{
    public static int Run(string scenariosFolder, double secondsPerCase)
    {
        foreach (var file in Directory.GetFiles(scenariosFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var scenario = ScenarioLoader.Load(file);
            foreach (var path in scenario.Paths.Where(p => DeploymentPaths.Available.Contains(p)))
            {
                // Warm-up run (JIT), then repeat until the time budget is spent.
                DeploymentPaths.Run(path, scenario.World, 1, new RunOptions(KeepSamples: false));
                int runs = 0;
                double simulated = 0;
                long events = 0;
                var wall = Stopwatch.StartNew();
                while (wall.Elapsed.TotalSeconds < secondsPerCase || runs == 0)
                {
                    var counters = new RunCounters();
                    var result = DeploymentPaths.Run(path, scenario.World, (ulong)(runs + 2), new RunOptions(KeepSamples: false) { Counters = counters });
                    simulated += result.EndSeconds;
                    events += counters.EventsProcessed;
                    runs++;
                }

                double elapsed = wall.Elapsed.TotalSeconds;
                long peak = Process.GetCurrentProcess().PeakWorkingSet64;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{{\"scenario\":\"{scenario.Name}\",\"path\":\"{path}\",\"runs\":{runs},\"wallSecondsPerRun\":{elapsed / runs:0.0000},\"simulatedSecondsPerWallSecond\":{simulated / elapsed:0},\"eventsPerSecond\":{events / elapsed:0},\"peakWorkingSetMb\":{peak / (1024.0 * 1024.0):0.0}}}"));
            }
        }

        return 0;
    }
}
