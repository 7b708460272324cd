using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// Verbs for a node whose durability and replication go through a transaction log (MemoryDB, docs/sources.md §6): it
/// follows the log instead of a master, is promoted by winning the log's leadership and acknowledges writes
/// through its <see cref="INodeExtension"/>. Plain Redis paths never call these.
/// </summary>
public sealed partial class RedisNode
{
    /// <summary>Time to load the snapshot a replacement node restores before it replays the log (A3, A4).</summary>
    public SimDuration SnapshotLoadTime =>
        SimDuration.FromSecondsRounded(_settings.BaseDatasetBytes / (double)_settings.FullSyncBytesPerSecond);

    /// <summary>Starts the node as a log follower (no master, not primary), its dataset in sync with the log.</summary>
    public void BootAsLogFollower(long replId)
    {
        _configuredMaster = MemberId.None;
        BecomeLogFollower(replId);
        StartCron();
        RecordState();
    }

    /// <summary>Takes the follower role (on boot, or after a restart) with the log's replication id.</summary>
    public void BecomeLogFollower(long replId)
    {
        ReplId = replId;
        ReplId2 = 0;
        SecondReplOffset = -1;
        IsPrimary = false;
        MasterId = MemberId.None;
        LinkState = MasterLinkState.Down;
    }

    /// <summary>Applies a committed log entry (a follower only); entries arrive in log order.</summary>
    public void ApplyFromLog(HistoryEntry entry)
    {
        Invariant.Holds(!IsPrimary);
        Invariant.Holds(entry.EndOffset > Offset);
        _history.Add(entry);
    }

    /// <summary>Loads the log's snapshot (a follower that lacks records the log folded into it).</summary>
    public void LoadLogSnapshot(History snapshot)
    {
        Invariant.Holds(!IsPrimary && snapshot.Count > _history.Count);
        int behind = snapshot.Count - _history.Count;
        _history.ReplaceWith(snapshot);
        _recorder.Event(Name, "sync", $"{Name} loaded the log's snapshot: {behind} write{(behind == 1 ? "" : "s")} it lacked were already folded out of the log");
    }

    /// <summary>Won the log's leadership after catching up with it: now the primary.</summary>
    public void PromoteFromLog(string why)
    {
        Invariant.Holds(!IsPrimary && Host == HostState.Up);
        IsPrimary = true;
        MasterId = MemberId.None;
        LinkState = MasterLinkState.Down;
        _recorder.Promotion(NodeIndex);
        _recorder.Event(Name, "role", $"{Name} promoted to primary at offset {Offset} ({why})");
        RecordState();
    }

    /// <summary>
    /// Lost the log's leadership: a follower again, keeping only the first <paramref name="committedEntries"/>
    /// entries (what it knows the log committed); the rest were never acknowledged and are discarded.
    /// </summary>
    public void StepDownToLogFollower(int committedEntries, string why)
    {
        Invariant.Holds(IsPrimary);
        int discarded = _history.Count - committedEntries;
        _history.Truncate(committedEntries);
        IsPrimary = false;
        LinkState = MasterLinkState.Down;
        _recorder.Event(Name, "role", $"{Name} stepped down ({why}); {discarded} uncommitted writes discarded");
        RecordState();
    }

    /// <summary>
    /// A new leader's first record: a marker (negative write id, one byte) that commits everything before it once a
    /// quorum holds it (Raft's no-op entry); like a PING on Redis's replication stream it only advances the offset.
    /// </summary>
    public HistoryEntry AppendLogMarker(long marker)
    {
        Invariant.Holds(IsPrimary && marker < 0);
        _history.Append(marker, 1);
        return _history.Last;
    }

    /// <summary>Shows the follower's standing with the log as its master link (for charts and convergence).</summary>
    public void SetLogLink(MasterLinkState state)
    {
        Invariant.Holds(!IsPrimary);
        if (LinkState != state)
        {
            LinkState = state;
            RecordState();
        }
    }

    /// <summary>Sends a message as this node (for its extension).</summary>
    public void SendAsNode(MemberId to, Message message) => Send(to, message);

    /// <summary>Answers a client's write (for its extension).</summary>
    public void ReplyToWrite(MemberId client, long writeId, ReplyKind kind) => Send(client, new WriteReply(writeId, kind));

    /// <summary>Records role and write acceptance after the extension changed what they depend on.</summary>
    public void RefreshState() => RecordState();
}
