using System.Collections.Concurrent;
using System.Text;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// The exact ledger as the oracle of the compact accounting on random cluster scenarios
/// (<see cref="ClusterPathTests.RandomClusterScenario"/>), shared by every path with cluster mode: each scenario runs
/// audited and compact with its seed, the two must agree, no invariant may break, and at least a fifth must fail over.
/// </summary>
internal static class RandomClusterOracle
{
    /// <summary>How many random scenarios a path runs.</summary>
    public const int Scenarios = 100;

    /// <summary>Runs the scenarios of seeds <paramref name="firstSeed"/> … on <paramref name="path"/> and asserts.</summary>
    /// <param name="path">The deployment path.</param>
    /// <param name="firstSeed">The first scenario's seed; scenario i has seed firstSeed + i.</param>
    /// <param name="elastiCache">Scenarios with ElastiCache's faults (see <see cref="ClusterPathTests.RandomClusterScenario"/>).</param>
    /// <param name="check">A path's own check of each exact result: a problem, or null.</param>
    /// <param name="observe">Sees each exact result (from worker threads), e.g. to count what happened.</param>
    public static void AssertCompactEqualsExact(
        string path, ulong firstSeed, bool elastiCache = false, Func<PathResult, string?>? check = null, Action<PathResult>? observe = null)
    {
        var failures = new ConcurrentBag<(int Index, string Problem)>();
        int failedOver = 0;
        Parallel.For(0, Scenarios, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ulong seed = firstSeed + (ulong)i;
            string text = ClusterPathTests.RandomClusterScenario(seed, elastiCache);
            try
            {
                var spec = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "random.yaml").World;
                var exact = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });
                var compact = DeploymentPaths.Run(path, spec, seed, new RunOptions(KeepSamples: false));
                if (CompactAccountingOracleTests.FirstDifference(exact, compact) is { } difference)
                {
                    failures.Add((i, $"seed {seed}: {difference}; scenario:\n{text}"));
                }

                if (check?.Invoke(exact) is { } problem)
                {
                    failures.Add((i, $"seed {seed}: {problem}; scenario:\n{text}"));
                }

                if (exact.FailoverCount > 0)
                {
                    Interlocked.Increment(ref failedOver);
                }

                observe?.Invoke(exact);
            }
            catch (InvariantViolatedException e)
            {
                failures.Add((i, $"seed {seed}: {e.Message}; scenario:\n{text}"));
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.OrderBy(f => f.Index).Select(f => f.Problem)));
        Assert.True(failedOver >= Scenarios / 5, $"only {failedOver} of {Scenarios} scenarios failed over");
    }
}
