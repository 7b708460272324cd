namespace RedisFailoverSim.Reporting.Timeline;

/// <summary>A stretch of time when two or more nodes held the primary role at once: split brain.</summary>
/// <param name="FromSeconds">Start.</param>
/// <param name="ToSeconds">End.</param>
/// <param name="Primaries">The primaries, in node order.</param>
internal sealed record PrimaryOverlap(double FromSeconds, double ToSeconds, IReadOnlyList<string> Primaries)
{
    /// <summary>Length in seconds.</summary>
    public double Seconds => ToSeconds - FromSeconds;
}
