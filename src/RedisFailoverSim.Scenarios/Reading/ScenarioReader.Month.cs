using RedisFailoverSim.Scenarios.Cost;

namespace RedisFailoverSim.Scenarios.Reading;

/// <summary>The <c>month:</c> and <c>decide:</c> sections: a month of the workload for cost, and the team's answers.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] Shapes = ["steady", "office-hours", "bursty"];

    private static MonthWorkload? ReadMonth(MappingReader top, int? workloadValueBytes)
    {
        var section = top.Mapping("month", ScenarioKeys.Month);
        if (section is null)
        {
            return null;
        }

        var data = section.Number("data-size-gb", 0, inclusive: false, required: true);
        var average = section.Number("ops-average", 0, inclusive: true, required: true);
        var peak = section.Number("ops-peak", 0, inclusive: true);
        var shapeText = section.Scalar("shape", "steady, office-hours or bursty") ?? "steady";
        var shape = shapeText switch
        {
            "steady" => MonthShape.Steady,
            "office-hours" => MonthShape.OfficeHours,
            "bursty" => MonthShape.Bursty,
            _ => (MonthShape?)null,
        };
        if (shape is null)
        {
            section.Report("shape", $"expected steady, office-hours or bursty; found '{shapeText}'{Suggestions.DidYouMean(shapeText, Shapes)}");
        }

        // A 9-to-5 day is eight hours; other shapes run all day (assumption A61).
        var hours = section.Number("active-hours-per-day", 0, inclusive: false) ?? (shape == MonthShape.OfficeHours ? 8 : 24);
        var reads = section.Number("read-fraction", 0, inclusive: true) ?? 0;
        var value = section.Size("value-size", int.MaxValue) ?? workloadValueBytes;
        var engine = section.Scalar("engine", "valkey or redis-oss") ?? "valkey";
        if (engine is not ("valkey" or "redis-oss"))
        {
            section.Report("engine", $"expected valkey or redis-oss; found '{engine}'");
            return null;
        }

        if (hours > 24)
        {
            section.Report("active-hours-per-day", $"expected at most 24 hours; found {hours}");
            return null;
        }

        if (reads > 1)
        {
            section.Report("read-fraction", $"expected a share from 0 to 1; found {reads}");
            return null;
        }

        if (peak is { } p && average is { } a && p < a)
        {
            section.Report("ops-peak", $"expected a peak at least the average ({a}); found {p}");
            return null;
        }

        if (data is null || average is null || shape is null || value is null)
        {
            return null;
        }

        return new MonthWorkload(data.Value, average.Value, peak ?? average.Value, shape.Value, hours, reads, (int)value.Value, engine);
    }

    private static DecideInputs? ReadDecide(MappingReader top)
    {
        var section = top.Mapping("decide", ScenarioKeys.Decide);
        if (section is null)
        {
            return null;
        }

        var defaults = DecideInputs.Default;
        return new DecideInputs(
            section.Boolean("tolerates-loss") ?? defaults.ToleratesLoss,
            section.Boolean("sre-capacity") ?? defaults.SreCapacity,
            section.Boolean("cost-sensitive") ?? defaults.CostSensitive,
            section.Number("engineer-cost-per-month", 0, inclusive: true) ?? defaults.EngineerCostPerMonth);
    }
}
