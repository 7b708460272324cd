using System.Diagnostics;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Real.Drivers;
using RedisFailoverSim.Calibration.Results;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// The real client libraries against real Redis and Sentinel (rfsim calibrate --client): one short run each, the
/// primary killed at 5 s, down-after-milliseconds 5000, 20 s of writes at 20/s per client. Two real runs, compared by
/// their mean as rfsim calibrate compares them: one real run alone once fell outside ±20 % on a CI machine (619
/// acknowledged against the model's 828) and could not be reproduced in 14 runs here, idle or loaded (779-872).
/// About 60 s per library. Each library has its own ports (redis-py 33000, Valkey GLIDE 34200).
/// </summary>
[Collection(RealRedisCollection.Name)]
public class RealClientCalibrationTests
{
    [SkippableFact]
    public void RedisPy4_PrimaryCrash_RealLibraryAgreesWithItsProfileWithinTwentyPercent()
    {
        var report = Calibrate("redis-py-4");
        if (report is null)
        {
            return;
        }

        // redis-py has no offline queue: while the Sentinels still name the dead primary every write's connect is
        // refused, failed and never sent (docs/sources.md §11.9), on both sides; none waits, so none ends unknown.
        AssertWithin(report, "clientObservedFailoverSeconds");
        AssertWithin(report, "acknowledged");
        AssertWithin(report, "failed");
        Assert.All(report.Real, real => Assert.True(real.Failed > 0, Describe(report)));
        Assert.All(report.Real, real => Assert.True(real.Unknown <= 10, $"unknown {real.Unknown}; {Describe(report)}"));
    }

    [SkippableFact]
    public void ValkeyGlide_PrimaryCrash_RealLibraryNeverReachesThePromotedReplicaAsItsProfile()
    {
        var report = Calibrate("valkey-glide", portBase: 34200);
        if (report is null)
        {
            return;
        }

        // GLIDE keeps the node that was primary at its creation (docs/sources.md §11.20, A176): after the kill every
        // write waits for the reconnection to the dead n1 and ends TimeoutError at 250 ms (unknown, not failed), on
        // both sides, and neither side sees a write acknowledged by the promoted replica.
        var observed = report.Rows.Single(r => r.Metric == "clientObservedFailoverSeconds");
        Assert.Null(observed.ModelMean);
        Assert.All(report.Real, real => Assert.Null(real.ClientObservedSeconds));
        AssertWithin(report, "acknowledged");
        AssertWithin(report, "unknown");
        Assert.All(report.Real, real => Assert.True(real.Failed <= 10, $"failed {real.Failed}; {Describe(report)}"));
    }

    private static CalibrationReport? Calibrate(string library, int portBase = 33000)
    {
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return null;
        }

        RealClientLibraries.Require(library);

        var world = CalibrationSpecs.ThreeNodes([CalibrationSpecs.CrashPrimary(5)], downAfterMs: 5000, rate: 20, durationS: 20);
        string dir = Path.Combine(Path.GetTempPath(), $"rfsim-client-{library}-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        var settings = new CalibrationSettings(Runs: 2, ModelSeeds: 10, Seed: 1, null, null, PortBase: portBase, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(60))
        {
            ClientLibrary = library,
        };
        var report = Calibrator.Run("client-primary-crash-" + library, null, world, settings, TextWriter.Null, CancellationToken.None);
        Assert.Equal(2, report.Real.Count);
        Assert.All(report.Real, real => Assert.True(real.FailoverHappened && real.Converged, Describe(report)));

        // Nothing is left behind: the drivers were stopped by their process ids like the Redis processes.
        Assert.Empty(ChildProcessRegistry.LivePids);
        Directory.Delete(dir, recursive: true);
        return report;
    }

    /// <summary>The tolerance for client libraries: the real mean within ±20 % of the model's (±1 s, ±20 writes floors).</summary>
    private static void AssertWithin(CalibrationReport report, string metric)
    {
        var row = report.Rows.Single(r => r.Metric == metric);
        Assert.NotNull(row.ModelMean);
        Assert.NotNull(row.RealMean);
        double floor = metric.EndsWith("Seconds", StringComparison.Ordinal) ? 1.0 : 20;
        double slack = Math.Max(0.2 * Math.Abs(row.ModelMean!.Value), floor);
        Assert.True(Math.Abs(row.RealMean!.Value - row.ModelMean.Value) <= slack, $"{metric}: model {row.ModelMean}, real {row.RealMean}, allowed ±{slack}; {Describe(report)}");
    }

    /// <summary>Each real run's timings and outcomes, so that a CI failure says which run and what it met.</summary>
    private static string Describe(CalibrationReport report) => string.Join("; ", report.Real.Select(r => FormattableString.Invariant(
        $"real run {r.Run}: failover {r.FailoverHappened} to {r.NewPrimary}, +switch-master {r.ControlPlaneSeconds:0.00} s, first ack by new primary {r.ClientObservedSeconds:0.00} s, acked {r.Acknowledged}, failed {r.Failed}, unknown {r.Unknown}, converged {r.Converged}")));
}
