using System.Text;
using RedisFailoverSim.Reporting.Sweep;
using RedisFailoverSim.Tests.Reporting.Charts;

namespace RedisFailoverSim.Tests.Sweep;

/// <summary>Hand-built sweeps: elasticache never fails over and loses nothing; self-hosted fails over and loses writes.</summary>
public sealed class SweepChartTests
{
    private static SweepReport Report(params SweepAxis[] axes)
    {
        string[] paths = ["elasticache", "serverless", "memorydb", "self-hosted"];
        var setup = new SweepSetup(
            "az-partition-split-brain", "A partition.", new string('a', 64), "az-partition-split-brain.yaml", 42, 5,
            SweepFixture.Tool, paths, axes);
        var table = new ReplicationTable(setup.Points.Count, paths.Length, setup.Runs);
        for (int point = 0; point < setup.Points.Count; point++)
        {
            for (int run = 0; run < setup.Runs; run++)
            {
                for (int p = 0; p < 3; p++)
                {
                    table.Set(point, p, run, new ReplicationMetrics(1000, 0, null, null, 2.5, 0));
                }

                // A narrow spread around 4,360 that a shared 0-based scale would squash flat.
                table.Set(point, 3, run, new ReplicationMetrics(1000, 4350 + (point * 100) + (run * 5), 31 + (run * 0.1), 30, 2.3, 69));
            }
        }

        return new SweepReport(setup, table);
    }

    private static SweepAxis Duration() => new(
        "faults[0].duration", "5s", "65s", 3, "s", [new SweepValue("5s", 5), new SweepValue("35s", 35), new SweepValue("65s", 65)]);

    private static SweepAxis Libraries() => SweepAxis.List("client.library", ["stackexchange-redis", "redis-py", "ioredis"]);

    public static TheoryData<string> Metrics => new(SweepMetric.All.Select(m => m.ChartName));

    [Theory]
    [MemberData(nameof(Metrics))]
    public void DistributionChart_EachMetric_InkInEveryStripAndNothingCutOff(string chart) =>
        ChartPixels.AssertReadable(SweepCharts.Build(Report(), SweepMetric.All.Single(m => m.ChartName == chart)), chart);

    [Theory]
    [MemberData(nameof(Metrics))]
    public void CurveChart_EachMetric_InkInTheDataAreaAndNothingCutOff(string chart) =>
        ChartPixels.AssertReadable(SweepCharts.Build(Report(Duration()), SweepMetric.All.Single(m => m.ChartName == chart)), chart);

    [Theory]
    [MemberData(nameof(Metrics))]
    public void CategoryChart_EachMetric_InkInTheDataAreaAndNothingCutOff(string chart) =>
        ChartPixels.AssertReadable(SweepCharts.Build(Report(Libraries()), SweepMetric.All.Single(m => m.ChartName == chart)), chart);

    [Fact]
    public void ComparisonFigure_ListOfLibraries_FourPanelsNamedByLibraryWithoutLines()
    {
        var report = Report(Libraries());
        var figure = SweepCategoryChart.Comparison(report);
        var svg = SvgText.Of(figure.Svg());

        Assert.True(SweepCategoryChart.HasComparison(report.Setup));
        Assert.False(SweepCategoryChart.HasComparison(Report(Duration()).Setup));
        Assert.Equal(4, figure.Panels.Count);
        Assert.Contains("Client library compared — az-partition-split-brain", svg, StringComparison.Ordinal);
        Assert.Contains("redis-py", svg, StringComparison.Ordinal);
        Assert.Contains("Client-observed failover (elasticache, serverless, memorydb: never failed over", svg, StringComparison.Ordinal);
        Assert.Contains("self-hosted mean, 95% CI", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("CI band", svg, StringComparison.Ordinal);
        ChartPixels.AssertReadable(figure, "comparison");
    }

    [Fact]
    public void FailoverChart_PathsThatNeverFailedOver_AreNamedAndTheOthersDrawn()
    {
        var figure = SweepCharts.Build(Report(), SweepMetric.FailoverClientObserved);
        var svg = SvgText.Of(figure.Svg());

        Assert.Contains("elasticache: never failed over (or no write reached the new primary) in all 5 runs", svg, StringComparison.Ordinal);
        Assert.Contains("elasticache, serverless, memorydb: never failed over", svg, StringComparison.Ordinal);
        Assert.Contains("self-hosted: 5 runs, mean 31.20 s", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void DistributionChart_CaptionNamesSeedRunsAndBuild()
    {
        var svg = SvgText.Of(SweepCharts.Build(Report(), SweepMetric.AcknowledgedLost).Svg());

        Assert.Contains("scenario az-partition-split-brain · seed 42 · 5 runs per point and path", svg, StringComparison.Ordinal);
        Assert.Contains("rfsim 0.1.0 (0123456)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void CurveChart_IdenticalZeroLines_SayIdenticalAndTheAxisIsInWords()
    {
        var svg = SvgText.Of(SweepCharts.Build(Report(Duration()), SweepMetric.AcknowledgedLost).Svg());

        Assert.Contains("serverless mean and P99: identical to elasticache", svg, StringComparison.Ordinal);
        Assert.Contains("memorydb mean and P99: identical to", svg, StringComparison.Ordinal);
        Assert.Contains("fault 1 duration (s)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("faults[0].duration (s)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NoVary_VerdictPerPathThenTableChartsAndReplay()
    {
        var report = Report();

        var md = Encoding.UTF8.GetString(SweepReportContent.Markdown(report, charts: true));
        var html = Encoding.UTF8.GetString(SweepReportContent.Html(report, charts: true));

        Assert.Contains("- elasticache lost no acknowledged write in any of the 5 runs; it never failed over", md, StringComparison.Ordinal);
        Assert.Contains("- self-hosted lost acknowledged writes in 5 of 5 runs: mean 4,360.0, P99 4,369.8; clients saw a failover in 5 of 5 runs, mean 31.20 s; split brain in 5 of 5 runs, mean 69.00 s.", md, StringComparison.Ordinal);
        Assert.Contains("![acked-lost: acknowledged writes lost](acked-lost.png)", md, StringComparison.Ordinal);
        Assert.Contains("rfsim sweep az-partition-split-brain.yaml --runs 5 --seed 42 --paths elasticache,serverless,memorydb,self-hosted", md, StringComparison.Ordinal);
        Assert.Equal(6, html.Split("src=\"data:image/png;base64,").Length - 1);
    }

    [Fact]
    public void Report_Vary_NamesTheSettingInWords()
    {
        var md = Encoding.UTF8.GetString(SweepReportContent.Markdown(Report(Duration()), charts: true));

        Assert.Contains("at the worst point (at fault 1 duration 65s)", md, StringComparison.Ordinal);
        Assert.Contains("| fault 1 duration | path |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("faults\\[0\\]", md, StringComparison.Ordinal);
    }

    [Fact]
    public void CurveChart_SeriesTooCloseToTellApart_SayWhichTheyAreDrawnOver()
    {
        // elasticache and serverless a write apart on a 0-4,500 axis: one would hide the other.
        var report = Built(Duration(), (point, p, run) => p switch
        {
            0 => new ReplicationMetrics(1000, 620 + run, 25, 20, 2.5, 0),
            1 => new ReplicationMetrics(1000, 621 + run, 25, 20, 2.5, 0),
            2 => new ReplicationMetrics(1000, 0, 17, 15, 2.5, 0),
            _ => new ReplicationMetrics(1000, 4350 + (point * 100) + run, 31, 30, 2.3, 69),
        });

        var svg = SvgText.Of(SweepCharts.Build(report, SweepMetric.AcknowledgedLost).Svg());

        Assert.Contains("serverless mean and P99: drawn over elasticache, within 1% of the axis at every point", svg, StringComparison.Ordinal);
        Assert.Contains("elasticache mean, 95% CI band", svg, StringComparison.Ordinal);
        Assert.Contains("memorydb mean, 95% CI band", svg, StringComparison.Ordinal);
        ChartPixels.AssertReadable(SweepCharts.Build(report, SweepMetric.AcknowledgedLost), "acked-lost");
    }

    [Fact]
    public void CurveChart_APointWhereNoPathFailedOver_IsSaidOnceInTheTitle_AndTheAxisStillShowsIt()
    {
        // At 5 s no path fails over (shorter than down-after); elasticache fails over only at 65 s.
        var report = Built(Duration(), (point, p, run) => new ReplicationMetrics(
            1000, 0, point == 0 || (p == 0 && point == 1) ? null : 20 + p + (run * 0.1), null, 2.5, 0));

        var figure = SweepCharts.Build(report, SweepMetric.FailoverClientObserved);
        var svg = SvgText.Of(figure.Svg());

        Assert.Contains("mean of 5 runs per point; none at 5s on any path: never failed over", svg, StringComparison.Ordinal);
        Assert.Contains("elasticache mean, 95% CI band; none at 35s: never failed over", svg, StringComparison.Ordinal);
        Assert.Contains("serverless mean, 95% CI band", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("none at 5s:", svg, StringComparison.Ordinal);
        Assert.Contains(" 5 ", $" {svg} ", StringComparison.Ordinal); // the 5 s tick: the axis still reaches it
        ChartPixels.AssertReadable(figure, "failover-client-observed");
    }

    private static SweepReport Built(SweepAxis axis, Func<int, int, int, ReplicationMetrics> metrics)
    {
        string[] paths = ["elasticache", "serverless", "memorydb", "self-hosted"];
        var setup = new SweepSetup(
            "az-partition-split-brain", "A partition.", new string('a', 64), "az-partition-split-brain.yaml", 42, 5,
            SweepFixture.Tool, paths, [axis]);
        var table = new ReplicationTable(setup.Points.Count, paths.Length, setup.Runs);
        for (int point = 0; point < setup.Points.Count; point++)
        {
            for (int p = 0; p < paths.Length; p++)
            {
                for (int run = 0; run < setup.Runs; run++)
                {
                    table.Set(point, p, run, metrics(point, p, run));
                }
            }
        }

        return new SweepReport(setup, table);
    }

    [Theory]
    [InlineData("faults[0].duration", "fault 1 duration")]
    [InlineData("sentinel.down-after-milliseconds", "Sentinel down-after-milliseconds")]
    [InlineData("topology.nodes[1].replica-priority", "node 2 replica-priority")]
    [InlineData("workload.rate", "workload rate")]
    public void SettingWords_Key_ReadsAsWords(string key, string words) => Assert.Equal(words, SettingWords.Of(key));
}
