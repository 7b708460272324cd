using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Bench;

/// <summary>
/// The flat-memory benchmark of issue 7: one long self-hosted run without <c>--audit</c> (the compact accounting), on
/// the split-brain scenario's topology and fault (Jepsen's partition at 15 s for 90 s), its workload stretched to
/// <c>HOURS</c> of simulated time at <c>RATE</c> writes per second in all. Prints one JSON line: simulated and wall
/// seconds, events per second, writes, and the process's peak working set. Progress (with the working set so far)
/// goes to standard error every 5 % of simulated time, so memory growth shows while it runs. <c>--audit</c> keeps the
/// exact per-write ledger instead, to show what the compact accounting saves.
/// </summary>
internal static class LongRunBenchmark
{
    public static int Run(double hours, double ratePerSecond, string scenarioFile, string path, bool audit)
    {
        var scenario = ScenarioLoader.Load(scenarioFile);
        var spec = scenario.World;
        double rateMultipliers = spec.Clients.Sum(c => c.RateMultiplier);
        spec = spec with
        {
            Workload = spec.Workload with
            {
                RatePerClient = ratePerSecond / rateMultipliers,
                Duration = SimDuration.FromSecondsRounded(hours * 3600),
            },
        };

        var counters = new RunCounters();
        var wall = Stopwatch.StartNew();
        var progress = new StderrProgress(wall);
        var result = DeploymentPaths.Run(path, spec, 42, new RunOptions(KeepSamples: false, Progress: progress) { Counters = counters, Audit = audit });
        double elapsed = wall.Elapsed.TotalSeconds;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var w = result.Writes;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"mode\":\"long\",\"scenario\":\"{scenario.Name}\",\"path\":\"{path}\",\"audit\":{(audit ? "true" : "false")}," +
            $"\"simulatedHours\":{hours:0.###},\"writesPerSecond\":{ratePerSecond:0.###}," +
            $"\"simulatedSeconds\":{result.EndSeconds:0.###},\"wallSeconds\":{elapsed:0.0}," +
            $"\"simulatedSecondsPerWallSecond\":{result.EndSeconds / elapsed:0.0}," +
            $"\"events\":{counters.EventsProcessed},\"eventsPerSecond\":{counters.EventsProcessed / elapsed:0}," +
            $"\"writes\":{w.Attempted},\"acknowledged\":{w.Acknowledged},\"acknowledgedLost\":{w.AcknowledgedLost}," +
            $"\"unknown\":{w.Unknown},\"converged\":{(result.Converged ? "true" : "false")}," +
            $"\"peakWorkingSetMb\":{process.PeakWorkingSet64 / (1024.0 * 1024.0):0.0}," +
            $"\"gcHeapMb\":{GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0):0.0}}}"));
        return 0;
    }

    /// <summary>Prints simulated progress, wall time, event rate and working set every 5 %.</summary>
    private sealed class StderrProgress(Stopwatch wall) : IProgress<double>
    {
        private int _printed = -1;

        public void Report(double value)
        {
            int step = (int)(value * 20);
            if (step <= _printed)
            {
                return;
            }

            _printed = step;
            var process = Process.GetCurrentProcess();
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{value * 100:0}% wall={wall.Elapsed.TotalSeconds:0}s workingSet={process.WorkingSet64 / (1024.0 * 1024.0):0}MB " +
                $"peak={process.PeakWorkingSet64 / (1024.0 * 1024.0):0}MB heap={GC.GetTotalMemory(false) / (1024.0 * 1024.0):0}MB"));
        }
    }
}
