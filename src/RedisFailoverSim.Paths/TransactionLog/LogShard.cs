using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.TransactionLog;

namespace RedisFailoverSim.Paths.TransactionLog;

/// <summary>A shard assembled on the transaction log: one log replica per AZ and one agent per node of the shard.</summary>
/// <param name="Log">The log replicas, by AZ index.</param>
/// <param name="Agents">The shard's nodes' log agents, in node order (by node index when the world is one shard).</param>
/// <param name="Endpoint">The endpoint the shard's log leader re-points (the shard's primary in the service's slot map).</param>
internal sealed record LogShard(IReadOnlyList<TransactionLogReplica> Log, IReadOnlyList<LogNodeAgent> Agents, EndpointRecord Endpoint);
