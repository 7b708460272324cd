using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Charts;

namespace RedisFailoverSim.Tests.Reporting.Charts;

public class ChartLayoutTests
{
    // The bundled maintenance scenario's label, which the legends used to cut to "planned replacement of n1: coordi…".
    private const string LongLabel =
        "planned replacement of n1: coordinated hand-over to n2 (SENTINEL FAILOVER mymaster sent to s1), then n1 replaced";

    private static RunReport SplitBrain() => ReportFixtures.Report(SplitBrainStory.Result());

    private static RunReport LongFaultLabel()
    {
        var result = SplitBrainStory.Result();
        return ReportFixtures.Report(result with { Faults = [result.Faults[0] with { Label = LongLabel }] });
    }

    public static TheoryData<string> Charts => new(ChartKind.All.Select(k => k.Name));

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryRunChart_SplitBrain_InkInEveryDataAreaAndNothingCutOff(string chart) =>
        ChartPixels.AssertReadable(ChartKind.All.Single(k => k.Name == chart).Build(SplitBrain()), chart);

    [Theory]
    [MemberData(nameof(Charts))]
    public void EveryRunChart_LongFaultLabel_LegendWrapsTheWholeLabelInsideThePicture(string chart)
    {
        var figure = ChartKind.All.Single(k => k.Name == chart).Build(LongFaultLabel());

        ChartPixels.AssertReadable(figure, chart + "-long-label");
        var text = SvgText.Of(figure.Svg());
        if (chart != LatencyCdfChart.Name)
        {
            // Wrapped, not cut: the whole label is there, no word cut with an ellipsis.
            Assert.Contains(LongLabel + ", 10–25 s", text, StringComparison.Ordinal);
            Assert.DoesNotContain("…,", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Wrap_LongText_LinesFitTheWidthAndKeepEveryWord()
    {
        var wrapped = LegendFit.Wrap(LongLabel, 200, 12);

        var lines = wrapped.Split('\n');
        Assert.True(lines.Length >= 3, wrapped);
        Assert.All(lines, l => Assert.True(ChartFonts.MeasureText(l, 12, bold: false) <= 200, l));
        Assert.Equal(LongLabel, string.Join(' ', lines));
    }

    [Fact]
    public void CdfChart_TwoPathsWithTheSameLatencies_TheSecondIsNamedIdenticalToTheFirst()
    {
        var story = SplitBrainStory.Result();
        var report = ReportFixtures.Report(story with { Path = "elasticache" }, story);

        var text = SvgText.Of(LatencyCdfChart.Build(report).Svg());

        Assert.Contains("self-hosted: identical to elasticache", text, StringComparison.Ordinal);
    }
}
