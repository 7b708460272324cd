using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// <c>workload.wait</c>: after every <paramref name="Every"/>th write each client sends <c>WAIT numreplicas timeout</c>
/// (or, with <see cref="Aof"/>, <c>WAITAOF numlocal numreplicas timeout</c>) on the same connection, covering the
/// writes it sent there before (docs/sources.md §16.4). The write is acknowledged at its own reply; the WAIT only tells
/// the client how many replicas had it, which the accounting counts write by write.
/// </summary>
/// <param name="Every">A WAIT after every this many writes of a client (1: after each write).</param>
/// <param name="NumReplicas"><c>numreplicas</c>.</param>
/// <param name="Timeout">The WAIT's timeout; zero blocks for ever.</param>
public sealed record WaitSpec(int Every, int NumReplicas, SimDuration Timeout)
{
    /// <summary>WAITAOF instead of WAIT: the replicas (and the primary) must have fsynced the writes to their AOF.</summary>
    public bool Aof { get; init; }

    /// <summary>WAITAOF's <c>numlocal</c>: 1 to wait for the primary's own AOF fsync too.</summary>
    public int NumLocal { get; init; }

    /// <summary>The command as Redis reads it: <c>WAIT 1 100</c>, <c>WAITAOF 1 1 0</c>.</summary>
    public string Describe() => Aof
        ? $"WAITAOF {NumLocal} {NumReplicas} {Timeout.WholeMilliseconds} every {Every} writes"
        : $"WAIT {NumReplicas} {Timeout.WholeMilliseconds} every {Every} writes";
}
