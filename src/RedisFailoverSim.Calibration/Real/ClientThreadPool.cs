namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Sizes the thread pool for the scenario clients one process hosts. In production each scenario client is its own
/// process with its own pool; here they share one. StackExchange.Redis blocks pool threads while it reconfigures (its
/// own logs: "Awaiting 3 available task completion(s) for 5000ms"), so three multiplexers in one default-sized pool
/// starve each other for seconds during a failover, an artefact of the test bed. The pool gets what three processes'
/// would have, with the headroom StackExchange.Redis's documentation advises (minimum threads above the busy count);
/// disposing restores it.
/// </summary>
internal sealed class ClientThreadPool : IDisposable
{
    private const int ThreadsPerClient = 16;
    private readonly int _workers;
    private readonly int _io;

    private ClientThreadPool(int clients)
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        int wanted = Math.Max(_workers, ThreadsPerClient * Math.Max(1, clients));
        ThreadPool.SetMinThreads(wanted, Math.Max(_io, wanted));
    }

    /// <summary>Sizes the pool for <paramref name="clients"/> clients until disposed.</summary>
    public static ClientThreadPool For(int clients) => new(clients);

    /// <inheritdoc />
    public void Dispose() => ThreadPool.SetMinThreads(_workers, _io);
}
