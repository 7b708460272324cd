using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Bench;

/// <summary>
/// Runs each bundled scenario on each available path repeatedly and prints one JSON line per (scenario, path):
/// simulated seconds per wall second, engine events per second, writes per run, the managed heap's peak during the
/// case (sampled at every 1 % of each run's simulated time, after a full collection before the case), and the
/// process's peak working set so far (a high-water mark over every case before it too). With <c>--audit</c> every run
/// keeps the exact per-write ledger, to compare its cost with the default compact accounting.
/// </summary>
internal static class ScenarioBenchmark
{
    public static int Run(string scenariosFolder, double secondsPerCase, bool audit)
    {
        foreach (var file in Directory.GetFiles(scenariosFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var scenario = ScenarioLoader.Load(file);
            foreach (var path in scenario.Paths.Where(p => DeploymentPaths.Available.Contains(p)))
            {
                var options = new RunOptions(KeepSamples: false) { Audit = audit };

                // Warm-up run (JIT), then repeat until the time budget is spent.
                DeploymentPaths.Run(path, scenario.World, 1, options);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var heap = new HeapSampler();
                int runs = 0;
                double simulated = 0;
                long events = 0;
                long writes = 0;
                var wall = Stopwatch.StartNew();
                while (wall.Elapsed.TotalSeconds < secondsPerCase || runs == 0)
                {
                    var counters = new RunCounters();
                    var result = DeploymentPaths.Run(path, scenario.World, (ulong)(runs + 2), options with { Progress = heap, Counters = counters });
                    simulated += result.EndSeconds;
                    events += counters.EventsProcessed;
                    writes = result.Writes.Attempted;
                    runs++;
                }

                double elapsed = wall.Elapsed.TotalSeconds;
                long peak = Process.GetCurrentProcess().PeakWorkingSet64;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{{\"scenario\":\"{scenario.Name}\",\"path\":\"{path}\",\"audit\":{(audit ? "true" : "false")},\"runs\":{runs}," +
                    $"\"writesPerRun\":{writes},\"wallSecondsPerRun\":{elapsed / runs:0.0000}," +
                    $"\"simulatedSecondsPerWallSecond\":{simulated / elapsed:0},\"eventsPerSecond\":{events / elapsed:0}," +
                    $"\"heapPeakMb\":{heap.PeakBytes / (1024.0 * 1024.0):0.0},\"peakWorkingSetMb\":{peak / (1024.0 * 1024.0):0.0}}}"));
            }
        }

        return 0;
    }

    /// <summary>Samples the managed heap whenever a run reports progress (every 1 % of its simulated time).</summary>
    private sealed class HeapSampler : IProgress<double>
    {
        public long PeakBytes { get; private set; }

        public void Report(double value) => PeakBytes = Math.Max(PeakBytes, GC.GetTotalMemory(forceFullCollection: false));
    }
}
