using System.Globalization;

namespace RedisFailoverSim.Reporting.Trace;

/// <summary>One narrated line: <c>t=45.772s  s4 +odown master mymaster n1 #quorum 3/3</c>.</summary>
/// <param name="Seconds">Simulated time, seconds since the start.</param>
/// <param name="Category">Who it is about.</param>
/// <param name="Subjects">Every node, Sentinel or client name the line mentions, for filtering.</param>
/// <param name="Text">The words after the time.</param>
/// <param name="IsKey">True for the moments the report's timeline keeps (faults, ODOWN, election, promotions…).</param>
internal sealed record TraceLine(double Seconds, TraceCategory Category, IReadOnlyList<string> Subjects, string Text, bool IsKey)
{
    /// <summary>The line as printed.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"t={Seconds:F3}s  {Text}");
}
