using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Decision;

namespace RedisFailoverSim.Reporting.Report;

/// <summary>
/// The report's opening "Cost and recommendation" section, when the scenario has a <c>month:</c>: the recommended path
/// and the runner-up, each path's month, the four questions with their numbers, the "don't" rules and the claims checked.
/// </summary>
internal static class ReportCost
{
    public static void Write(RunReport report, IReportWriter w)
    {
        if (report.Costs is not { } costs)
        {
            return;
        }

        w.Heading(2, "Cost and recommendation");
        if (report.Recommendation is { } r)
        {
            w.Paragraph($"Recommended: {Describe(r.Recommended)}. Runner-up: {(r.RunnerUp is { } up ? Describe(up) : "-")}.");
        }

        w.Table(
            ["path", "node type", "nodes", "on-demand $/month", "reserved 3y $/month", "cross-AZ $/month", "engineer $/month"],
            costs.Select(CostTable.Row),
            new HashSet<int> { 2, 3, 4, 5, 6 });
        var caption = report.Prices is { } p ? $"Prices: `{Path.GetFileName(p.File)}` ({p.Region}), every price with its source (docs/sources.md §12). " : "";
        w.Paragraph(caption + (costs.Any(c => c.UsesAssumedPrices) ? "* uses an assumed price (MemoryDB nodes, A55; data written, A56)." : ""));
        if (report.Recommendation is not { } recommendation)
        {
            return;
        }

        w.List(recommendation.Questions.Select(q => $"Q{q.Number}. {q.Question} {q.Answer}. {q.Evidence}"));
        if (recommendation.DontRules.Count > 0)
        {
            w.Paragraph("\"Don't\" rules that apply:");
            w.List(recommendation.DontRules);
        }

        w.Paragraph("The practitioners' claims, checked:");
        w.List(recommendation.Claims.Select(c => $"{DecisionText.VerdictName(c.Verdict)}: {c.Claim}. {c.Evidence}."));
    }

    private static string Describe(PathChoice choice) => $"{choice.Path} ({choice.Purchase}, {CostTable.Money(choice.MonthlyUsd)} a month)";
}
