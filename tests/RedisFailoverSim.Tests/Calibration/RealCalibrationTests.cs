using System.Diagnostics;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Results;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// One short real calibration (the CI one): 3 nodes, 3 Sentinels, primary crash (kill -9) 5 s in,
/// down-after-milliseconds 5000, 20 s of writes. About 40 s on a laptop.
/// </summary>
[Collection(RealRedisCollection.Name)]
public class RealCalibrationTests
{
    [Fact]
    public void PrimaryCrash_DownAfter5s_RealFailoverHappensAndAgreesWithTheModel()
    {
        var binaries = RealRedis.Binaries();
        if (binaries is null)
        {
            return;
        }

        var world = CalibrationSpecs.ThreeNodes([CalibrationSpecs.CrashPrimary(5)], downAfterMs: 5000, rate: 20, durationS: 20);
        string dir = Path.Combine(Path.GetTempPath(), "rfsim-calibration-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        var settings = new CalibrationSettings(Runs: 1, ModelSeeds: 10, Seed: 1, null, null, PortBase: 26400, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(60));
        var report = Calibrator.Run("primary-crash-down-after-5s", null, world, settings, TextWriter.Null, CancellationToken.None);
        ReportFiles.Write(report, dir);
        var real = Assert.Single(report.Real);

        // The real run produced a failover: a +switch-master arrived, 6-9 s after the kill (FACTS.md §2.7 [derived]).
        Assert.True(real.FailoverHappened);
        Assert.InRange(real.ControlPlaneSeconds!.Value, 5.0, 11.0);
        Assert.Contains(real.NewPrimary, new[] { "n2", "n3" });
        Assert.True(real.Converged);

        // Model and reality agree on every judged metric (tolerances: README "Tolerances").
        var controlPlane = report.Rows.Single(r => r.Metric == "controlPlaneFailoverSeconds");
        Assert.True(controlPlane.Agrees, $"model {controlPlane.ModelMean} s vs real {controlPlane.RealMean} s");
        Assert.All(report.Rows.Where(r => r.Agrees is not null), r => Assert.True(r.Agrees, $"{r.Metric}: model {r.ModelMean} vs real {r.RealMean} (±{r.Tolerance})"));
        Assert.True(report.Agrees);

        // And it left nothing behind.
        Assert.Empty(ChildProcessRegistry.LivePids);
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));

        // Kept on failure (configuration files and logs of the real run, for diagnosis).
        Directory.Delete(dir, recursive: true);
    }
}
