using RedisFailoverSim.Reporting.Cost;

namespace RedisFailoverSim.Reporting.Decision;

/// <summary>The recommendation in words: what <c>rfsim decide</c> prints and writes as <c>decision.md</c>.</summary>
public static class DecisionText
{
    /// <summary>The lines, Markdown-friendly plain text.</summary>
    public static IReadOnlyList<string> Lines(Recommendation recommendation, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var lines = new List<string>
        {
            $"# Cost and recommendation: {scenarioName}",
            "",
            $"recommended: {Describe(recommendation.Recommended)}",
            $"runner-up:   {(recommendation.RunnerUp is { } r ? Describe(r) : "-")}",
            "",
            "## The four questions",
            "",
        };
        foreach (var q in recommendation.Questions)
        {
            lines.Add($"Q{q.Number}. {q.Question} {q.Answer}.");
            lines.Add($"    {q.Evidence}");
        }

        lines.Add("");
        lines.Add("## \"Don't\" rules that apply");
        lines.Add("");
        lines.AddRange(recommendation.DontRules.Count == 0 ? ["- none"] : recommendation.DontRules.Select(d => "- " + d));
        lines.Add("");
        lines.Add("## The practitioners' claims, checked");
        lines.Add("");
        foreach (var claim in recommendation.Claims)
        {
            lines.Add($"- {VerdictName(claim.Verdict)}: {claim.Claim}. {claim.Evidence}.");
        }

        return lines;
    }

    /// <summary>The verdict as printed.</summary>
    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Agrees => "agrees",
        Verdict.Contradicts => "CONTRADICTS",
        Verdict.NotChecked => "not checked",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string Describe(PathChoice choice) =>
        $"{choice.Path} ({choice.Purchase}, {CostTable.Money(choice.MonthlyUsd)} a month)";
}
