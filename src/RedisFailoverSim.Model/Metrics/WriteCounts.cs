namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The write ledger's totals, in Jepsen's set-checker vocabulary (docs/sources.md §15.2).
/// </summary>
/// <param name="Attempted">Writes the clients issued.</param>
/// <param name="Acknowledged">Writes with a success reply.</param>
/// <param name="AcknowledgedLost">Acknowledged writes absent from the final converged dataset.</param>
/// <param name="Failed">Writes with an error reply (or never sent).</param>
/// <param name="Unknown">Writes whose outcome the client never learned.</param>
/// <param name="UnknownPresent">Unknown writes that are nevertheless in the final dataset (Jepsen's "recovered").</param>
public sealed record WriteCounts(
    long Attempted,
    long Acknowledged,
    long AcknowledgedLost,
    long Failed,
    long Unknown,
    long UnknownPresent)
{
    /// <summary>
    /// Writes applied more than once (assumption A46): a client re-sent them after a reconnect and the node that had
    /// the first copy applied it too. Each is counted once, whatever its outcome; distinct from lost and unknown.
    /// </summary>
    public long Duplicated { get; init; }

    /// <summary>Of <see cref="Duplicated"/>, the writes acknowledged once but applied twice (or more).</summary>
    public long DuplicatedAcknowledged { get; init; }

    /// <summary>
    /// Acknowledged writes whose WAIT (or WAITAOF) answered at least what the client asked for (docs/sources.md §16.4);
    /// 0 without <c>workload.wait</c>.
    /// </summary>
    public long WaitConfirmed { get; init; }

    /// <summary>
    /// Of <see cref="WaitConfirmed"/>, the writes absent from the final dataset: WAIT does not make a failover keep
    /// them (a promoted replica that never had them, or a split brain's discarded side).
    /// </summary>
    public long WaitConfirmedLost { get; init; }

    /// <summary>Acknowledged writes whose WAIT answered fewer than asked (its timeout, or an error).</summary>
    public long WaitShort { get; init; }
}
