using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Decision;
using RedisFailoverSim.Reporting.Terminal;
using ScottPlot;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// The two cost charts of <c>rfsim decide</c>: acknowledged writes lost under the scenario's faults against monthly
/// cost, one point per path (with the seeds' 95% interval when there are several); and the break-even of Serverless
/// against the sized ElastiCache cluster over its average utilisation.
/// </summary>
public sealed class CostCharts(RunReport report, IReadOnlyList<PathLoss> losses)
{
    /// <summary>The durability-versus-cost chart's file.</summary>
    public const string DurabilityFile = "durability-vs-cost.png";

    /// <summary>The break-even chart's file.</summary>
    public const string BreakEvenFile = "break-even.png";

    private const int Width = 1100;
    private const int Height = 560;

    /// <summary>Acknowledged writes lost (mean, with 95% interval) against the path's monthly cost.</summary>
    public byte[] DurabilityVersusCostPng()
    {
        var plot = Panel.Create(
            $"Acknowledged writes lost against monthly cost — {report.ScenarioName}",
            "monthly cost, US dollars (reserved 3y where the table has it; self-hosted with and without engineer time)",
            Runs() > 1 ? $"acknowledged writes lost (mean of {Runs()} seeds, 95% CI)" : "acknowledged writes lost (one seed)",
            right: 300);
        int index = 0;
        foreach (var cost in report.Costs ?? [])
        {
            if (cost.BestMonthly is not { } monthly || losses.FirstOrDefault(l => l.Path == cost.Path) is not { } loss)
            {
                continue;
            }

            var color = ChartColors.Path(cost.Path);
            Point(plot, monthly, loss, color, $"{cost.Path}{(cost.UsesAssumedPrices ? " (assumed price A55)" : "")}", MarkerShape.FilledCircle, index++);
            if (cost.EngineerMonthly is { } engineers)
            {
                Point(plot, monthly + engineers, loss, color, $"{cost.Path} + engineer time", MarkerShape.OpenCircle, index++);
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = Numbers.WholeMoney,
        };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0.08, right: 0.22, bottom: 0.1, top: 0.15);
        plot.Axes.SetLimitsY(bottom: -Math.Max(1, plot.Axes.GetLimits().Top * 0.05), top: Math.Max(10, plot.Axes.GetLimits().Top * 1.1));
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Serverless against the reserved and on-demand cluster over 0-100% average utilisation.</summary>
    public byte[] BreakEvenPng()
    {
        var plot = Panel.Create(
            $"Serverless against node-based ElastiCache — {report.ScenarioName}",
            "average utilisation of the sized cluster's primary (A58)",
            "US dollars a month",
            right: 300);
        var elastiCache = report.Costs?.FirstOrDefault(c => c.Path == DeploymentPaths.ElastiCache);
        var serverless = report.Costs?.FirstOrDefault(c => c.Path == DeploymentPaths.Serverless);
        if (elastiCache is not null && serverless is not null && report.Month is { } month && report.Prices is { } prices
            && BreakEven.For(elastiCache, serverless, month, prices) is { } b)
        {
            double[] xs = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();
            var line = plot.Add.ScatterLine(xs, xs.Select(b.ServerlessMonthly).ToArray(), ChartColors.Path(DeploymentPaths.Serverless));
            line.LegendText = "Serverless (storage + ECPUs)";
            line.LineWidth = 3;
            var reserved = plot.Add.HorizontalLine(b.ReservedMonthly, 3, ChartColors.Path(DeploymentPaths.ElastiCache));
            reserved.LegendText = $"{b.NodeCount} x {b.NodeType} reserved 3y";
            var onDemand = plot.Add.HorizontalLine(b.OnDemandMonthly, 2, ChartColors.Path(DeploymentPaths.ElastiCache), LinePattern.Dashed);
            onDemand.LegendText = $"{b.NodeCount} x {b.NodeType} on demand";
            var claim = plot.Add.VerticalLine(DecisionMaker.ClaimedBreakEven, 1, ChartColors.Ink, LinePattern.Dotted);
            claim.LegendText = "practitioners' ~25%";
            var at = b.ReservedBreakEven;
            if (at is > 0 and < 1)
            {
                var mark = plot.Add.Marker(at, b.ReservedMonthly, MarkerShape.FilledDiamond, 12, ChartColors.Ink);
                mark.LegendText = $"break-even {Numbers.Percent(at * 100)}";
            }

            plot.Axes.SetLimitsX(0, 1);
            plot.Axes.SetLimitsY(0, Math.Max(b.OnDemandMonthly, b.ServerlessMonthly(1)) * 1.1);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Numbers.WholePercent(v * 100),
        };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = Numbers.WholeMoney,
        };
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private int Runs() => losses.Count == 0 ? 1 : losses[0].Runs;

    private static void Point(Plot plot, double x, PathLoss loss, Color color, string label, MarkerShape shape, int index)
    {
        var marker = plot.Add.Marker(x, loss.LostMean, shape, 14, color);
        marker.LegendText = label;
        if (loss.LostCi95 > 0)
        {
            var bar = plot.Add.ErrorBar([x], [loss.LostMean], [loss.LostCi95]);
            bar.Color = color;
        }

        // Labels alternate above and below their points and step further out every second point, so up to five close
        // points (similar cost, same loss, as workload B's four paths within $300) stay readable.
        var text = plot.Add.Text($"{Numbers.Count(loss.LostMean)} lost", x, loss.LostMean);
        text.LabelFontSize = 12;
        text.LabelFontColor = color;
        text.OffsetX = 8;
        int level = index / 2;
        text.OffsetY = index % 2 == 0 ? -26 - (14 * level) : 10 + (14 * level);
    }
}
