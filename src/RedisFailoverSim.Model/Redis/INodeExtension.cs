using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// What a path adds to a Redis node without forking it: MemoryDB's transaction-log agent, which decides when a
/// primary may acknowledge a write and answers it once the log has committed it. Called by the node only.
/// </summary>
public interface INodeExtension
{
    /// <summary>True while a primary may acknowledge writes (e.g. it holds the log's leadership lease).</summary>
    bool CanAcknowledge { get; }

    /// <summary>Handles a message the node does not know; false when it is not the extension's either.</summary>
    bool TryReceive(Message message);

    /// <summary>The primary applied a client write; the extension replies to the client when it may.</summary>
    void OnWriteApplied(WriteRequest write, HistoryEntry entry);

    /// <summary>
    /// Refuses a client write before the node looks at its role (a cluster's -CLUSTERDOWN or -MOVED); true when it
    /// answered. Plain Redis and MemoryDB refuse nothing here.
    /// </summary>
    bool TryRefuse(WriteRequest write) => false;

    /// <summary>
    /// The replica applied stream from its master (its offset moved): a cluster replica in a manual failover checks at
    /// once whether it caught up (<c>CLUSTER_TODO_HANDLE_MANUALFAILOVER</c> before the event loop sleeps).
    /// </summary>
    void OnReplicated()
    {
    }

    /// <summary>The node's process died (its memory is gone unless persistence is on).</summary>
    void OnCrashed();

    /// <summary>The node's process restarted, before it announces its role.</summary>
    void OnRestarted();

    /// <summary>
    /// Bytes of stream a compact run keeps behind the node's offset, when the extension wants other than the plain
    /// node's replication backlog (null: the backlog).
    /// </summary>
    long? HistoryWindowBytes => null;

    /// <summary>
    /// True when the node's replicas take their data from elsewhere (MemoryDB's log), so the primary does not hold
    /// them to <c>client-output-buffer-limit replica</c> (A178).
    /// </summary>
    bool ReplicasFollowTheLog => false;
}
