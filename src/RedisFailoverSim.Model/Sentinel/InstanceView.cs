using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>What one Sentinel knows of one Redis instance (master or replica) or of a peer Sentinel.</summary>
internal sealed class InstanceView
{
    public InstanceView(MemberId member, string name, SimTime now, bool reportedPrimary)
    {
        Member = member;
        Name = name;
        // createInstanceLink: not connected yet, and act_ping_time "now" so an instance never reached times out.
        Disconnected = true;
        ActPing = now;
        LastAvail = now;
        LastPong = now;
        RoleReportedTime = now;
        RoleReportedPrimary = reportedPrimary;
        SlaveConfChangeTime = now;
    }

    public MemberId Member { get; }

    public string Name { get; }

    // Link: act_ping_time is the oldest unanswered PING (null when none is pending).
    public SimTime? ActPing { get; set; }

    // The command connection is closed (reset by the peer, or closed by us); reconnected at most once a second.
    public bool Disconnected { get; set; }

    public SimTime? LastReconnect { get; set; }

    // cc_conn_time: when the current command connection was opened.
    public SimTime LinkOpenedAt { get; set; }

    // Counts reconnects, so a refusal of a command sent on an earlier connection does not close the current one.
    public int LinkGeneration { get; set; }

    public SimTime? LastPing { get; set; }

    public SimTime LastPong { get; set; }

    public SimTime LastAvail { get; set; }

    public SimTime? InfoRefresh { get; set; }

    public SimTime? LastHelloSent { get; set; }

    // Down state.
    public bool Sdown { get; set; }

    public SimTime? SdownSince { get; set; }

    // From INFO.
    public bool RoleReportedPrimary { get; set; }

    public SimTime RoleReportedTime { get; set; }

    public string RunId { get; set; } = "";

    public MemberId SlaveMaster { get; set; } = MemberId.None;

    public bool MasterLinkUp { get; set; }

    public SimDuration MasterLinkDownFor { get; set; }

    // master_link_down_time as Sentinel parses it: whole seconds of master_link_down_since_seconds × 1000, -1000
    // for a replica that never connected, 0 when INFO has no such line (link up, or role:master).
    public long MasterLinkDownTimeMs { get; set; }

    public long ReplOffset { get; set; }

    public int Priority { get; set; } = 100;

    public SimTime SlaveConfChangeTime { get; set; }

    // Failover bookkeeping for replicas.
    public bool Promoted { get; set; }

    public bool ReconfSent { get; set; }

    public bool ReconfInProgress { get; set; }

    public bool ReconfDone { get; set; }

    public SimTime ReconfSentTime { get; set; }

    // Peer Sentinels: their answers to is-master-down-by-addr.
    public bool MasterDown { get; set; }

    public SimTime? LastMasterDownReply { get; set; }

    public SimTime? LastAskSent { get; set; }

    public string? Leader { get; set; }

    public long LeaderEpoch { get; set; }
}
