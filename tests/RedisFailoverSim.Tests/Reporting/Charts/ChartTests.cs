using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Tests.Reporting.Charts;

public class ChartTests
{
    private static readonly RunReport Report = ReportFixtures.Report(SplitBrainStory.Result());

    [Theory]
    [InlineData("roles", "Who was primary — az-partition-split-brain")]
    [InlineData("latency", "Write latency over time — az-partition-split-brain")]
    [InlineData("lost-writes", "Acknowledged writes kept and lost — az-partition-split-brain")]
    [InlineData("latency-cdf", "Write latency distribution — az-partition-split-brain")]
    public void Svg_EachChart_HasItsTitleAsRealTextInTheChartFont(string chart, string title)
    {
        var svg = Encoding.UTF8.GetString(ChartRenderings.For(Report).Svg(ChartKind.All.Single(k => k.Name == chart)));

        // With no usable font Skia draws no glyphs and the SVG has no text at all.
        Assert.Contains($"{title}\n", svg, StringComparison.Ordinal);
        Assert.Contains($"font-family=\"{ChartFonts.Family}\"", svg, StringComparison.Ordinal);
        Assert.Contains("scenario az-partition-split-brain · seed 42 · path self-hosted", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_RolesChart_IsAFullWidthPngImage()
    {
        var png = ChartRenderings.For(Report).Png(ChartKind.All.Single(k => k.Name == RolesChart.Name));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(Figure.DefaultWidth, width);
    }

    [Fact]
    public void Png_SameReportRenderedTwice_IdenticalBytes()
    {
        var chart = ChartKind.All.Single(k => k.Name == LatencyCdfChart.Name);

        var first = LatencyCdfChart.Build(Report).Png();
        var second = LatencyCdfChart.Build(Report with { }).Png();

        Assert.Equal(first, second);
        Assert.Equal(first, ChartRenderings.For(Report).Png(chart));
    }

    [Fact]
    public void ChartFonts_Family_IsDejaVuSansOrTheBundledCopy()
    {
        Assert.Contains(ChartFonts.Family, new[] { ChartFonts.SystemFamily, ChartFonts.BundledFamily });
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "fonts", "DejaVuSans-Bold.ttf")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "fonts", "DejaVuSans.ttf")));
    }

    [Fact]
    public void ReportFiles_ChartsAndReports_AreTheFourChartsTwiceThenTheReports()
    {
        Assert.Equal(
        [
            "roles.png", "roles.svg", "latency.png", "latency.svg", "lost-writes.png", "lost-writes.svg",
            "latency-cdf.png", "latency-cdf.svg", "report.md", "report.html",
        ],
        ReportFiles.ChartAndReportNames);
    }

    [Theory]
    [InlineData(0.01, "0.01")]
    [InlineData(0.5, "0.5")]
    [InlineData(1, "1")]
    [InlineData(10000, "10,000")]
    public void LogAxis_Label_WritesTheRealValue(double value, string expected) =>
        Assert.Equal(expected, LogAxis.Label(value));

    [Fact]
    public void LogAxis_Decades_CoverTheRangeWithAtLeastOneDecade()
    {
        Assert.Equal((-1, 1), LogAxis.Decades(0.2, 3.17));
        Assert.Equal((0, 1), LogAxis.Decades(1, 1));
    }

    [Fact]
    public void LogAxis_NarrowRange_LabelsTwoAndFiveToo()
    {
        var ticks = LogAxis.TickValues(-1, 1).Where(t => t.Label is not null).Select(t => t.Label);

        Assert.Equal(["0.1", "0.2", "0.5", "1", "2", "5", "10"], ticks);
    }

    [Fact]
    public void Quantiles_NearestRank_PicksTheCeilingRank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, Quantiles.NearestRank(sorted, 0.5));
        Assert.Equal(10, Quantiles.NearestRank(sorted, 0.99));
        Assert.Equal(1, Quantiles.NearestRank(sorted, 0));
    }

    [Fact]
    public void QuantilesPerBucket_HandBuilt_OnePointPerSecondWithAnAcknowledgement()
    {
        var points = LatencyChart.QuantilesPerBucket(SplitBrainStory.Result().Samples!, 0.5);

        Assert.Equal([5.5, 12.5, 15.5, 21.5, 22.5, 26.5, 35.5], points.Select(p => p.X));
        Assert.All(points, p => Assert.Equal(1, p.Ms));
    }

    [Fact]
    public void QuantilesPerBucket_WritesOutOfStartOrder_SameBucketsAsInOrder()
    {
        // Bucket 2 s, then 1 s, then 2 s again: the per-bucket median must not depend on the writes' order.
        static WriteSamples Samples(params (double Start, double Ms)[] writes)
        {
            var builder = new WriteSamples.Builder();
            foreach (var (start, ms) in writes)
            {
                builder.Add((long)(start * 1e9), (long)(ms * 1e6), WriteOutcome.Ok, lost: false, client: 0, ackedBy: 0);
            }

            return builder.Build();
        }

        var shuffled = LatencyChart.QuantilesPerBucket(Samples((2.1, 30), (1.5, 7), (2.9, 10), (2.2, 20)), 0.5);
        var ordered = LatencyChart.QuantilesPerBucket(Samples((1.5, 7), (2.1, 30), (2.2, 20), (2.9, 10)), 0.5);

        Assert.Equal([(1.5, 7.0), (2.5, 20.0)], shuffled);
        Assert.Equal(ordered, shuffled);
    }

    [Fact]
    public void LostWritesSummary_JepsenNumbers_SaysAcknowledgedAndLostShare()
    {
        Assert.Equal("1,998 acknowledged, 1,126 lost (56.4%)", LostWritesChart.Summary(ReportFixtures.SplitBrain().Writes));
    }

    [Fact]
    public void AcknowledgementsPerSecond_HandBuilt_CountsKeptAndLostOnTheAcknowledgingNode()
    {
        var perSecond = LostWritesChart.AcknowledgementsPerSecond(SplitBrainStory.Result().Samples!, nodeCount: 3);

        Assert.Equal(
        [
            (0, 5L, 1L, 0L), (0, 12L, 0L, 1L), (0, 15L, 0L, 1L), (0, 22L, 0L, 1L), (0, 26L, 0L, 1L),
            (2, 21L, 1L, 0L), (2, 35L, 1L, 0L),
        ],
        perSecond);
    }

    [Fact]
    public void FailoverCloseUp_HandBuilt_SpansTheSentinelMomentsWithinTenSecondsPlusAMargin()
    {
        // From the first +sdown master (19.5 s) to s1's +switch-master (25.5 s), padded by 8 % of 6 s.
        var (from, to) = RolesChart.FailoverCloseUp(SplitBrainStory.Result())!.Value;

        Assert.Equal(19.02, from, precision: 9);
        Assert.Equal(25.98, to, precision: 9);
    }

    [Fact]
    public void FailoverCloseUp_NoSentinel_IsNull() =>
        Assert.Null(RolesChart.FailoverCloseUp(ReportFixtures.Clean()));

    [Fact]
    public void Stripes_AcrossABar_StayInsideIt()
    {
        var view = new ChartView(0, 100, -3, 1, PixelsPerX: 8, PixelsPerY: 40);

        var stripes = RolesChart.Stripes(10, 20, -0.32, 0.32, view);

        Assert.Equal(15, stripes.Count);
        Assert.All(stripes, s =>
        {
            Assert.InRange(s.X1, 10, 20);
            Assert.InRange(s.X2, 10, 20);
            Assert.InRange(s.Y1, -0.32, 0.32);
            Assert.InRange(s.Y2, -0.32, 0.32);
        });
    }

    [Fact]
    public void Nines_Quantiles_AreTheirNumberOfNines()
    {
        Assert.Equal(2, LatencyCdfChart.Nines(0.99), precision: 9);
        Assert.Equal(3, LatencyCdfChart.Nines(0.999), precision: 9);
    }

    [Fact]
    public void RenumberClipIds_ProcessWideNumbers_BecomeOrderOfFirstUse()
    {
        const string svg = """<clipPath id="cl_2f"/><g clip-path="url(#cl_2f)"/><clipPath id="cl_a"/><g clip-path="url(#cl_a)"/><text>cl_2f</text>""";

        var renumbered = SkiaImages.RenumberClipIds(svg);

        Assert.Equal("""<clipPath id="cl_1"/><g clip-path="url(#cl_1)"/><clipPath id="cl_2"/><g clip-path="url(#cl_2)"/><text>cl_2f</text>""", renumbered);
    }
}
