using RedisFailoverSim.Reporting.Terminal;
using Spectre.Console.Rendering;
using Spectre.Console;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>The terminal's cost table: one row per path, US dollars a month, and the bill's lines under it.</summary>
public static class CostTable
{
    /// <summary>The table, or null when the report has no costs.</summary>
    public static Table? Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Costs is not { } costs)
        {
            return null;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("path");
        table.AddColumn("node type");
        foreach (var header in new[] { "nodes", "on-demand\n$/month", "reserved 3y\n$/month", "cross-AZ\n$/month", "engineer\n$/month" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var cost in costs)
        {
            table.AddRow(Row(cost).Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        table.Caption(Markup.Escape(Caption(report)));
        return table;
    }

    /// <summary>The cells of one path's row.</summary>
    public static IReadOnlyList<string> Row(PathCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var crossAz = cost.Lines.Where(l => l.Name.StartsWith("cross-AZ", StringComparison.Ordinal)).Sum(l => l.Monthly);
        return
        [
            cost.Path + (cost.UsesAssumedPrices ? " *" : "") + (cost.Simulated ? "" : " (not run)"),
            cost.NodeType ?? (cost.Unpriced is null ? "(serverless)" : "-"),
            cost.NodeCount == 0 ? "-" : Numbers.Count(cost.NodeCount),
            Money(cost.OnDemandMonthly),
            Money(cost.ReservedMonthly),
            cost.Unpriced is null ? Money(crossAz) : "-",
            Money(cost.EngineerMonthly),
        ];
    }

    /// <summary>The lines under the table: each path's bill and what could not be priced.</summary>
    public static IEnumerable<string> Details(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var cost in report.Costs ?? [])
        {
            yield return $"{cost.Path}: {(cost.Unpriced is { } why ? "not priced: " + why : cost.Sizing)}";
            foreach (var line in cost.Lines)
            {
                yield return $"  {line.Name}: {Numbers.ByUnit(line.Quantity, line.Unit)} {line.Unit} x {Numbers.UnitPrice(line.UnitPrice)} = {Money(line.Monthly)} "
                    + $"({CostJson.TermName(line.Term)}; {line.Price.Source.Id}, {CostJson.StatusName(line.Price.Source.Status)})";
            }
        }
    }

    /// <summary>Dollars with cents and thousands separators, invariant; "-" for none.</summary>
    public static string Money(double? value) => Numbers.Money(value);

    private static string Caption(RunReport report)
    {
        var month = report.Month;
        var what = month is null
            ? ""
            : $"{Numbers.Amount(month.DataSizeGb, 1)} GB, {Numbers.Count(month.OpsAverage)} ops/s average, {Numbers.Count(month.OpsPeak)} peak, {ShapeName(month.Shape)}, {month.Engine}; ";
        var prices = report.Prices is { } p ? $"prices {Path.GetFileName(p.File)} ({p.Region})" : "";
        var star = report.Costs!.Any(c => c.UsesAssumedPrices) ? "; * uses an assumed price (A55/A56)" : "";
        return $"monthly cost: {what}{prices}{star}";
    }

    /// <summary>The shape as written in a scenario.</summary>
    public static string ShapeName(Scenarios.Cost.MonthShape shape) => shape switch
    {
        Scenarios.Cost.MonthShape.Steady => "steady",
        Scenarios.Cost.MonthShape.OfficeHours => "office-hours",
        Scenarios.Cost.MonthShape.Bursty => "bursty",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
