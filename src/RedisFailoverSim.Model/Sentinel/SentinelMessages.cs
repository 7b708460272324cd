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
public sealed class GetMasterAddrReply(MemberId master) : Message
{
    /// <summary>The master the Sentinel currently advertises.</summary>
    public MemberId Master { get; } = master;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}
