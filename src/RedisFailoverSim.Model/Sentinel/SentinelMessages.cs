using RedisFailoverSim.Model.Network;

// Sentinel's protocol vocabulary: gossip between Sentinels and what clients ask of them. Read together, so
// they share one file (an exception to one-type-per-file).
namespace RedisFailoverSim.Model.Sentinel;

/// <summary><c>SENTINEL is-master-down-by-addr ip port current_epoch runid</c> (runid null = <c>*</c>, just asking).</summary>
public sealed class IsMasterDownRequest(MemberId master, long currentEpoch, string? candidate) : Message
{
    /// <summary>The master asked about (by address).</summary>
    public MemberId Master { get; } = master;

    /// <summary>The asker's current epoch.</summary>
    public long CurrentEpoch { get; } = currentEpoch;

    /// <summary>The asker's run id when it asks for a vote, else null.</summary>
    public string? Candidate { get; } = candidate;

    /// <inheritdoc />
    /// <remarks>
    /// <c>SENTINEL is-master-down-by-addr ip port epoch runid|*</c> as a RESP array of six bulk strings (A101), as
    /// sentinelAskMasterStateToOtherSentinels sends it (docs/sources.md §15.9).
    /// </remarks>
    public override long WireBytes =>
        RespBytes.Array(6) + RespBytes.Bulk("SENTINEL".Length) + RespBytes.Bulk("is-master-down-by-addr".Length)
        + RespBytes.Bulk(RespBytes.IpLength) + RespBytes.Bulk("6379".Length) + RespBytes.Bulk(RespBytes.Digits(CurrentEpoch))
        + RespBytes.Bulk(Candidate is null ? 1 : RespBytes.RunIdLength);
}

/// <summary>The reply: is it down for you, and whom did you vote for in which epoch.</summary>
public sealed class IsMasterDownReply(MemberId master, bool down, string? leader, long leaderEpoch) : Message
{
    /// <summary>The master the question was about.</summary>
    public MemberId Master { get; } = master;

    /// <summary>True when the replier sees it SDOWN.</summary>
    public bool Down { get; } = down;

    /// <summary>The replier's vote, or null (<c>*</c>).</summary>
    public string? Leader { get; } = leader;

    /// <summary>The epoch of that vote.</summary>
    public long LeaderEpoch { get; } = leaderEpoch;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    /// <remarks>The three-element reply: <c>:0|1</c>, the leader's run id or <c>*</c>, the leader epoch (docs/sources.md §15.9).</remarks>
    public override long WireBytes =>
        RespBytes.Array(3) + RespBytes.Integer(Down ? 1 : 0) + RespBytes.Bulk(Leader is null ? 1 : RespBytes.RunIdLength)
        + RespBytes.Integer(LeaderEpoch);
}

/// <summary>A hello (every 2 s): who I am, the master as I see it, its config epoch, my current epoch.</summary>
public sealed class SentinelHello(string sentinel, MemberId master, long masterConfigEpoch, long currentEpoch) : Message
{
    /// <summary>The sender's run id.</summary>
    public string Sentinel { get; } = sentinel;

    /// <summary>The master address the sender advertises.</summary>
    public MemberId Master { get; } = master;

    /// <summary>The configuration epoch of that master.</summary>
    public long MasterConfigEpoch { get; } = masterConfigEpoch;

    /// <summary>The sender's current epoch.</summary>
    public long CurrentEpoch { get; } = currentEpoch;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUBLISH __sentinel__:hello ip,port,runid,current_epoch,mymaster,master_ip,master_port,master_config_epoch</c>
    /// as sentinelSendHello formats it (docs/sources.md §15.9): 133 bytes at epochs 0 with 9-character addresses (A101).
    /// </remarks>
    public override long WireBytes
    {
        get
        {
            long payload = RespBytes.IpLength + 1 + "26379".Length + 1 + RespBytes.RunIdLength + 1 + RespBytes.Digits(CurrentEpoch) + 1
                + RespBytes.MasterName.Length + 1 + RespBytes.IpLength + 1 + "6379".Length + 1 + RespBytes.Digits(MasterConfigEpoch);
            return RespBytes.Array(3) + RespBytes.Bulk("PUBLISH".Length) + RespBytes.Bulk("__sentinel__:hello".Length) + RespBytes.Bulk(payload);
        }
    }
}

/// <summary>The <c>+switch-master</c> Pub/Sub message a Sentinel publishes to its subscribed clients.</summary>
public sealed class SwitchMasterNotice(MemberId oldMaster, MemberId newMaster) : Message
{
    /// <summary>The previous master.</summary>
    public MemberId OldMaster { get; } = oldMaster;

    /// <summary>The new master.</summary>
    public MemberId NewMaster { get; } = newMaster;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary><c>SENTINEL get-master-addr-by-name mymaster</c> from a client.</summary>
public sealed class GetMasterAddrRequest : Message
{
}

/// <summary>The reply to <see cref="GetMasterAddrRequest"/>.</summary>
public sealed class GetMasterAddrReply(MemberId master, bool usable = true) : Message
{
    /// <summary>The master the Sentinel currently advertises.</summary>
    public MemberId Master { get; } = master;

    /// <summary>
    /// False when <c>SENTINEL MASTER</c>'s flags would hold <c>s_down</c> or <c>failover_in_progress</c>, the flags
    /// node-redis refuses a master for (<c>parseNode</c>, docs/sources.md §11.18).
    /// </summary>
    public bool Usable { get; } = usable;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>
/// One of the Pub/Sub events node-redis subscribes to (±sdown, ±odown, +slave, +sentinel, +slave-reconf-done), sent
/// only to clients that asked for them (<c>client.sentinel-events: rediscover</c>).
/// </summary>
public sealed class SentinelEventNotice(string channel) : Message
{
    /// <summary>The event's channel, e.g. <c>+sdown</c>.</summary>
    public string Channel { get; } = channel;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}
