using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

// WAIT and WAITAOF, a command and its reply, read together (an exception to one-type-per-file, as RedisMessages.cs).
namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// <c>WAIT numreplicas timeout</c>, or with <see cref="Aof"/> <c>WAITAOF numlocal numreplicas timeout</c>
/// (docs/sources.md §16.4): blocks the connection until its earlier writes reached (WAITAOF: were fsynced by) that
/// many replicas, or the timeout (zero: for ever).
/// </summary>
public sealed class WaitRequest(long waitId, int numReplicas, SimDuration timeout) : Message
{
    /// <summary>The client's number for this WAIT, echoed in the reply.</summary>
    public long WaitId { get; } = waitId;

    /// <summary><c>numreplicas</c>.</summary>
    public int NumReplicas { get; } = numReplicas;

    /// <summary>The timeout; zero blocks for ever.</summary>
    public SimDuration Timeout { get; } = timeout;

    /// <summary>WAITAOF instead of WAIT.</summary>
    public bool Aof { get; init; }

    /// <summary>WAITAOF's <c>numlocal</c> (0 or 1).</summary>
    public int NumLocal { get; init; }

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Client;

    /// <inheritdoc />
    /// <remarks>RESP of <c>WAIT 1 100</c> is about 30 bytes, WAITAOF's about 40.</remarks>
    public override long WireBytes => Aof ? 40 : 30;
}

/// <summary>
/// WAIT's integer reply (the replicas that acknowledged the offset), WAITAOF's pair (local fsync 0/1, replicas that
/// fsynced), or the error a replica or a demoted primary answers.
/// </summary>
public sealed class WaitReply(long waitId, int replicas) : Message
{
    /// <summary>The <see cref="WaitRequest.WaitId"/> answered.</summary>
    public long WaitId { get; } = waitId;

    /// <summary>Replicas that acknowledged (WAITAOF: fsynced) the client's writes.</summary>
    public int Replicas { get; } = replicas;

    /// <summary>WAITAOF: 1 when the node's own AOF fsync covers them.</summary>
    public int Local { get; init; }

    /// <summary>
    /// The error instead of a count: "WAIT cannot be used with replica instances", "WAITAOF cannot be used when
    /// numlocal is set but appendonly is disabled", "UNBLOCKED force unblock" on a demotion; null for a count.
    /// </summary>
    public string? Error { get; init; }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Client;

    /// <inheritdoc />
    /// <remarks>":1\r\n", WAITAOF's "*2\r\n:1\r\n:1\r\n".</remarks>
    public override long WireBytes => Error is not null ? Error.Length + 3 : Local > 0 || Replicas > 9 ? 12 : 4;
}
