namespace RedisFailoverSim.Paths;

/// <summary>What adding a cluster's per-shard clients needs: the scenario's rate, the slot ranges and each one's shard.</summary>
/// <param name="RatePerClient">The scenario's writes per second per client, split over its shard connections.</param>
/// <param name="SlotStarts">The first slot of each shard.</param>
/// <param name="Shares">Each shard's share of the keys.</param>
/// <param name="ClientShards">The shard of each per-shard client, by client index.</param>
internal sealed record ClusterClients(double RatePerClient, int[] SlotStarts, double[] Shares, IReadOnlyList<int> ClientShards);
