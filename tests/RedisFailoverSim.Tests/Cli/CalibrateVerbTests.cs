using System.Text;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Cli.Commands;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Cli;

/// <summary><c>rfsim calibrate</c> reaches the Calibration project through the verb, and draws its chart.</summary>
public sealed class CalibrateVerbTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Calibrate_BadOptions_ExitsTwoNamingEachProblem()
    {
        var scenario = Path.Combine(RedisFailoverSim.Tests.Architecture.RepositoryRoot.Path, "scenarios", "primary-crash.yaml");

        var exit = _cli.Run("calibrate", scenario, "--runs", "0", "--port-base", "80");

        Assert.Equal(2, exit);
        Assert.Contains("--runs 0: expected 1..50", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--port-base 80: expected 1024..63000", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_OutIsAUsersFolder_ExitsTwoBeforeStartingAnythingAndTouchesNothing()
    {
        var scenario = Path.Combine(RedisFailoverSim.Tests.Architecture.RepositoryRoot.Path, "scenarios", "primary-crash.yaml");
        var folder = _cli.OutputPath("my-measurements");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "calibration.json"), "{\"mine\": true}");

        var exit = _cli.Run("calibrate", scenario, "--out", folder, "--redis-server", "/nonexistent/redis-server");

        Assert.Equal(2, exit);
        Assert.Contains("rfsim will not replace it", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["calibration.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal("{\"mine\": true}", File.ReadAllText(Path.Combine(folder, "calibration.json")));
    }

    [Fact]
    public void Calibrate_Help_SaysSelfHostedOnlyAndHowToInstallRedis()
    {
        var exit = _cli.Run("help", "calibrate");

        Assert.Equal(0, exit);
        var text = _cli.Out.ToString().ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
        Assert.Contains("calibrate", text, StringComparison.Ordinal);
        Assert.Contains("self-hosted", text, StringComparison.Ordinal);
        Assert.Contains("apt-get install", text, StringComparison.Ordinal);
        Assert.Contains("redis-server redis-sentinel", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteChart_Report_WritesPngAndSvgWithEveryJudgedMetricAndVerdict()
    {
        using var temp = new TempFolder();
        var report = Report();

        var files = CalibrateCommand.WriteChart(report, temp.Path);

        Assert.Equal(["calibration.png", "calibration.svg"], files.Select(Path.GetFileName));
        var png = File.ReadAllBytes(files[0]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        var svg = Encoding.UTF8.GetString(File.ReadAllBytes(files[1]));
        Assert.Contains("Model vs real Redis + Sentinel — primary-crash", svg, StringComparison.Ordinal);
        Assert.Contains("client-observed failover (s): model 32, real 30.4 — agrees (band 24.32–36.48)", svg, StringComparison.Ordinal);
        Assert.Contains("write latency P99 (ms): model 4,472, real 22 — DIFFERS", svg, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Metrics_Report_TakesEachRunsValueAndSkipsRunsWithout()
    {
        var metrics = CalibrateCommand.Metrics(Report());

        var client = metrics.Single(m => m.Label.StartsWith("client-observed", StringComparison.Ordinal));
        Assert.Equal([31.5, 32.5], client.Model);
        Assert.Equal([30.4], client.Real);
        Assert.Equal((24.32, 36.48), (client.AgreeLow, client.AgreeHigh));
        Assert.True(client.Agrees);
    }

    [Fact]
    public void ClusterReport_TitledAgainstARealRedisCluster_AndChartsThePromotion()
    {
        // A cluster has no Sentinel: the promotion is its failover time, charted and judged (Comparison.ClusterRows).
        using var temp = new TempFolder();
        var sentinel = Report();
        var cluster = sentinel with
        {
            Rows = [.. sentinel.Rows, new ComparisonRow("promotionSeconds", "promotion, fault → a replica of the shard says master (s)", 31, 31, 32, 2, 29.9, 29.9, 29.9, 1, 1.1, 0, null, 23.9, 35.9, "rule", true)],
            IsCluster = true,
        };

        var svg = Encoding.UTF8.GetString(File.ReadAllBytes(CalibrateCommand.WriteChart(cluster, temp.Path)[1]));

        Assert.Contains("Model vs a real Redis Cluster — primary-crash", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinel", svg, StringComparison.Ordinal);
        Assert.Equal([31.0, 32.0], CalibrateCommand.Metrics(cluster).Single(m => m.Label.StartsWith("promotion", StringComparison.Ordinal)).Model);
        Assert.DoesNotContain(CalibrateCommand.Metrics(sentinel with { Rows = cluster.Rows }), m => m.Label.StartsWith("promotion", StringComparison.Ordinal));
    }

    private static CalibrationReport Report()
    {
        static RunMetrics Run(string side, ulong run, double? clientSeconds, double p99) => new(
            side, run, true, "n2", clientSeconds + 0.2, clientSeconds - 0.5, clientSeconds, 36000, 28000, 0, 8000, 0, 0, 1, p99, p99, p99, 0, true);
        static ComparisonRow Row(string metric, string label, double model, double real, double low, double high, bool? agrees) =>
            new(metric, label, model, model, model, 2, real, real, real, 1, model - real, 0, null, low, high, "rule", agrees);

        return new CalibrationReport(
            "primary-crash",
            null,
            "Redis server v=7.0.15",
            100,
            100,
            [
                Row("clientObservedFailoverSeconds", "client-observed failover (s)", 32, 30.4, 24.32, 36.48, true),
                Row("latencyP99Ms", "write latency P99 (ms)", 4472, 22, 15.4, 28.6, false),
            ],
            [Run("model", 1, 31.5, 4400), Run("model", 2, 32.5, 4544)],
            [Run("real", 1, 30.4, 22), Run("real", 2, null, 22)],
            Agrees: false,
            Notes: []);
    }
}
