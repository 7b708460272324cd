using System.Text.Json;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Reporting.Cost;

/// <summary>A path's <c>cost</c> object in results.json: totals in US dollars a month, then the bill line by line.</summary>
internal static class CostJson
{
    public static void Write(Utf8JsonWriter json, PathCost cost)
    {
        json.WriteStartObject("cost");
        json.WriteString("nodeType", cost.NodeType);
        json.WriteNumber("nodeCount", cost.NodeCount);
        json.WriteString("sizing", cost.Sizing);
        Money(json, "onDemandMonthlyUsd", cost.OnDemandMonthly);
        Money(json, "reservedMonthlyUsd", cost.ReservedMonthly);
        Money(json, "engineerMonthlyUsd", cost.EngineerMonthly);
        json.WritePropertyName("crossAzGb");
        json.WriteRawValue(InvariantNumbers.Fixed(cost.CrossAzGb, 3)!, skipInputValidation: true);
        json.WriteBoolean("usesAssumedPrices", cost.UsesAssumedPrices);
        json.WriteString("unpriced", cost.Unpriced);
        json.WriteStartArray("lines");
        foreach (var line in cost.Lines)
        {
            json.WriteStartObject();
            json.WriteString("item", line.Name);
            json.WriteString("term", TermName(line.Term));
            json.WritePropertyName("quantity");
            json.WriteRawValue(InvariantNumbers.Quantity(line.Quantity)!, skipInputValidation: true);
            json.WriteString("unit", line.Unit);
            json.WritePropertyName("unitPriceUsd");
            json.WriteRawValue(InvariantNumbers.Quantity(line.UnitPrice)!, skipInputValidation: true);
            Money(json, "monthlyUsd", line.Monthly);
            json.WriteString("source", line.Price.Source.Id);
            json.WriteString("status", StatusName(line.Price.Source.Status));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static string TermName(CostTerm term) => term switch
    {
        CostTerm.Always => "always",
        CostTerm.OnDemand => "on-demand",
        CostTerm.Reserved => "reserved-3y-all-upfront",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    internal static string StatusName(Scenarios.Prices.PriceStatus status) => status switch
    {
        Scenarios.Prices.PriceStatus.Sourced => "sourced",
        Scenarios.Prices.PriceStatus.ThirdParty => "third-party",
        Scenarios.Prices.PriceStatus.Derived => "derived",
        Scenarios.Prices.PriceStatus.Assumption => "assumption",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static void Money(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } v)
        {
            json.WriteRawValue(InvariantNumbers.Fixed(v, 2)!, skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
