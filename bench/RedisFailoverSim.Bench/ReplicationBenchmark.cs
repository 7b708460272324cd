using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Bench;

/// <summary>
/// What one sweep replication costs: for each path of a scenario, a warm-up (at least 20 runs, so the hot methods
/// reach tier 1), then RUNS replications as <c>rfsim sweep</c> runs them (no samples, no progress sink, seeds 2, 3, …),
/// and one JSON line per path with the wall and process CPU time, the engine events, the bytes allocated, the
/// collections of each generation and the time they paused the process (<c>gcPauseMsPerRun</c>). With
/// <c>--allocations</c>, a sampled profile of what was allocated, by type, goes to standard error.
/// </summary>
internal static class ReplicationBenchmark
{
    public static int Run(string file, int runs, bool allocations)
    {
        var scenario = ScenarioLoader.Load(file);
        var options = new RunOptions(KeepSamples: false);
        foreach (var path in scenario.Paths.Where(p => DeploymentPaths.Available.Contains(p)))
        {
            for (int i = 0; i < Math.Max(20, runs / 5); i++)
            {
                DeploymentPaths.Run(path, scenario.World, (ulong)(1000 + i), options);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var sampler = allocations ? new AllocationSampler() : null;
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var pauseBefore = GC.GetTotalPauseDuration();
            long events = 0;
            var wall = Stopwatch.StartNew();
            for (int i = 0; i < runs; i++)
            {
                var counters = new RunCounters();
                DeploymentPaths.Run(path, scenario.World, (ulong)(i + 2), options with { Counters = counters });
                events += counters.EventsProcessed;
            }

            double elapsed = wall.Elapsed.TotalSeconds;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            double allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            double pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            sampler?.Print(runs, top: 12);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"scenario\":\"{scenario.Name}\",\"path\":\"{path}\",\"runs\":{runs},\"wallMsPerRun\":{elapsed * 1000 / runs:0.00}," +
                $"\"cpuMsPerRun\":{cpu * 1000 / runs:0.00},\"eventsPerRun\":{events / runs},\"allocatedKbPerRun\":{allocated / 1024 / runs:0}," +
                $"\"gen0\":{GC.CollectionCount(0) - collectionsBefore[0]},\"gen1\":{GC.CollectionCount(1) - collectionsBefore[1]}," +
                $"\"gen2\":{GC.CollectionCount(2) - collectionsBefore[2]},\"gcPauseMsPerRun\":{pause / runs:0.00}}}"));
        }

        return 0;
    }
}
