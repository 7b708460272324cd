namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// When writes went unacknowledged (stretches longer than 1 s between acknowledgements, <see cref="AckGaps"/>): the
/// unavailability a P99 over acknowledged writes cannot show.
/// </summary>
/// <param name="NoAckSeconds">Seconds in which no client got any write acknowledged.</param>
/// <param name="LongestNoAckSeconds">The longest stretch with no acknowledged write from any client.</param>
/// <param name="WorstClientNoAckSeconds">The same seconds as <paramref name="NoAckSeconds"/>, for the client that had most.</param>
/// <param name="WorstClient">That client's name, or null when no client went a second without acknowledgements.</param>
public sealed record WriteAvailability(
    double NoAckSeconds,
    double LongestNoAckSeconds,
    double WorstClientNoAckSeconds,
    string? WorstClient)
{
    /// <summary>No figures (results built by hand, without a ledger).</summary>
    public static WriteAvailability None { get; } = new(0, 0, 0, null);
}
