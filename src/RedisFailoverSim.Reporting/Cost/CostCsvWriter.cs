using System.Text;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>
/// Writes <c>cost.csv</c> beside results.csv when the scenario has a <c>month:</c>: one row per bill line of each
/// path, so a spreadsheet can sum what it likes. Invariant numbers, LF line ends.
/// </summary>
public static class CostCsvWriter
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "cost.csv";

    /// <summary>The columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "path", "node_type", "node_count", "item", "term", "quantity", "unit", "unit_price_usd", "monthly_usd", "source", "status",
        "path_on_demand_monthly_usd", "path_reserved_monthly_usd", "path_engineer_monthly_usd",
    ];

    /// <summary>Writes the file (a header only when the report has no costs).</summary>
    public static void Write(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Encoding.UTF8.GetBytes(ToCsv(report)));
    }

    /// <summary>The file's text.</summary>
    public static string ToCsv(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(string.Join(",", Columns)).Append('\n');
        foreach (var cost in report.Costs ?? [])
        {
            foreach (var line in cost.Lines)
            {
                string[] cells =
                [
                    cost.Path, cost.NodeType ?? "", cost.NodeCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Quote(line.Name), CostJson.TermName(line.Term), InvariantNumbers.Quantity(line.Quantity)!, line.Unit,
                    InvariantNumbers.Quantity(line.UnitPrice)!, InvariantNumbers.Fixed(line.Monthly, 2)!, line.Price.Source.Id,
                    CostJson.StatusName(line.Price.Source.Status), Money(cost.OnDemandMonthly), Money(cost.ReservedMonthly),
                    Money(cost.EngineerMonthly),
                ];
                text.Append(string.Join(",", cells)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Money(double? value) => value is { } v ? InvariantNumbers.Fixed(v, 2)! : "";

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
