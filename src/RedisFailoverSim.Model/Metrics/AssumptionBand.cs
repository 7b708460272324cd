using System.Globalization;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// An assumption band: the same path, scenario and seed run once per choice of an undocumented behaviour, so the
/// report shows the range the assumption spans instead of one number (issue 14: "if the control plane fences the old
/// primary: N lost; if not: M lost, split brain S s").
/// </summary>
/// <param name="Assumption">The assumption id, e.g. <c>A19</c>.</param>
/// <param name="Setting">The scenario key that switches it, e.g. <c>elasticache.fencing</c>.</param>
/// <param name="Cases">One outcome per choice, in the setting's documentation order.</param>
public sealed record AssumptionBand(string Assumption, string Setting, IReadOnlyList<BandCase> Cases)
{
    /// <summary>The band in one sentence: each case's condition, then its loss and split brain.</summary>
    public string Sentence() =>
        string.Join("; ", Cases.Select(c => c.Sentence())) + $" ({Assumption}, {Setting})";
}

/// <summary>One choice of an <see cref="AssumptionBand"/> and what the run gave with it.</summary>
/// <param name="Value">The setting's value, e.g. <c>power-off</c>.</param>
/// <param name="Condition">The choice in words, e.g. "if the control plane fences the old primary".</param>
/// <param name="AcknowledgedLost">Acknowledged writes missing from the final dataset.</param>
/// <param name="Acknowledged">Acknowledged writes.</param>
/// <param name="SplitBrainSeconds">How long two nodes accepted writes as primary at once.</param>
/// <param name="IsThisRun">True for the choice the scenario's settings made (the run whose other numbers are shown).</param>
public sealed record BandCase(
    string Value,
    string Condition,
    long AcknowledgedLost,
    long Acknowledged,
    double SplitBrainSeconds,
    bool IsThisRun)
{
    /// <summary>"if …: N lost" plus the split brain when there was one, and "(this run)" for the run's own choice.</summary>
    public string Sentence()
    {
        var text = $"{Condition}: {AcknowledgedLost.ToString("#,0", CultureInfo.InvariantCulture)} lost";
        if (SplitBrainSeconds > 0)
        {
            text += ", split brain " + SplitBrainSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        return text + (IsThisRun ? " (this run)" : "");
    }
}
