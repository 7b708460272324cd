namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// One scenario client of a real run, whatever library it drives: it connects through the Sentinels, fires each
/// write at its intended start without waiting for earlier ones (open workload), and records every outcome in the
/// run's ledger.
/// </summary>
internal interface IRealClient : IDisposable
{
    /// <summary>The scenario client's name.</summary>
    string Name { get; }

    /// <summary>Connections it dialled outside its tunnel (never cut; should stay 0).</summary>
    int UnmappedConnections { get; }

    /// <summary>Connects; false when no primary answered in time.</summary>
    bool Connect(TextWriter log);

    /// <summary>Fires write <paramref name="writeId"/> now; its outcome is recorded when it completes.</summary>
    void Issue(int writeId);

    /// <summary>
    /// The test bed's round trip as this client sees it: PINGs to the primary through its tunnel, in ms; empty when the
    /// client cannot time one (a library driver speaks only the write protocol).
    /// </summary>
    IReadOnlyList<double> ProbeRoundTrips(int count, TimeSpan spacing, CancellationToken cancellationToken);
}
