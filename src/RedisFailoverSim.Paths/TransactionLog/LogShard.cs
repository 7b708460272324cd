using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Paths.TransactionLog;

/// <summary>A shard assembled on the transaction log: one log replica per AZ and one agent per node, by node index.</summary>
/// <param name="Log">The log replicas, by AZ index.</param>
/// <param name="Agents">The nodes' log agents, by node index.</param>
internal sealed record LogShard(IReadOnlyList<TransactionLogReplica> Log, IReadOnlyList<LogNodeAgent> Agents);
