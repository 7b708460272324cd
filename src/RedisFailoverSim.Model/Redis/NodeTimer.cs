namespace RedisFailoverSim.Model.Redis;

/// <summary>A timer a node set for itself: a full sync's snapshot or transfer completing.</summary>
/// <param name="Kind">What completes.</param>
/// <param name="Link">The replica link it is for.</param>
/// <param name="Snapshot">The snapshot taken, once taken.</param>
internal sealed record NodeTimer(NodeTimerKind Kind, ReplicaLink Link, History? Snapshot);

/// <summary>The kinds of <see cref="NodeTimer"/>.</summary>
internal enum NodeTimerKind
{
    /// <summary>repl-diskless-sync-delay elapsed: take the snapshot.</summary>
    SnapshotDue,

    /// <summary>The snapshot reached the replica.</summary>
    TransferDone,
}
