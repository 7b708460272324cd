namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// What one shard of a sweep wrote (<c>sweep-partial.json</c>): the setup every shard must share, which shard it
/// is, and the numbers of its own replications (every other cell of the table is empty).
/// </summary>
/// <param name="Setup">The sweep's setup.</param>
/// <param name="Shard">Which replications this partial holds.</param>
/// <param name="Replications">The table with this shard's cells filled.</param>
public sealed record SweepPartial(SweepSetup Setup, SweepShard Shard, ReplicationTable Replications);
