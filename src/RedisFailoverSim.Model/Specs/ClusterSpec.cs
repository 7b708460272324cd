namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// A Redis Cluster (cluster mode enabled): <see cref="Shards"/> primaries, each with
/// <see cref="ReplicasPerShard"/> replicas, the 16,384 slots split in contiguous ranges as
/// <c>redis-cli --cluster create</c> splits them (docs/sources.md §3.1). The Scenarios layer places the nodes
/// (<see cref="WorldSpec.Nodes"/> lists them shard by shard, primary first) and records each node's shard here.
/// </summary>
/// <param name="Shards">Number of shards (primaries serving slots).</param>
/// <param name="ReplicasPerShard">Replicas of each primary.</param>
/// <param name="Settings">The <c>cluster-*</c> keys in force (the scenario's over a path's defaults, see <see cref="Given"/>).</param>
/// <param name="NodeShards">The shard index of each node, by node index.</param>
public sealed record ClusterSpec(int Shards, int ReplicasPerShard, ClusterSettings Settings, IReadOnlyList<int> NodeShards)
{
    /// <summary>
    /// The keys the scenario set; <see cref="Settings"/> is them over Redis OSS's defaults (the self-hosted path's), and a
    /// path with other defaults resolves its own with <see cref="WithDefaults"/>.
    /// </summary>
    public ClusterSettingsGiven Given { get; init; } = ClusterSettingsGiven.None;

    /// <summary>The cluster with the scenario's keys over <paramref name="defaults"/> (a path's own defaults).</summary>
    public ClusterSpec WithDefaults(ClusterSettings defaults) => this with { Settings = Given.Over(defaults) };

    /// <summary>Nodes per shard.</summary>
    public int NodesPerShard => ReplicasPerShard + 1;

    /// <summary>
    /// The name of node <paramref name="nodeIndex"/> (0 = the initial primary) of shard <paramref name="shardIndex"/>,
    /// both 0-based: <c>n1.1</c> is shard 1's first primary.
    /// </summary>
    public static string NodeName(int shardIndex, int nodeIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"n{shardIndex + 1}.{nodeIndex + 1}");

    /// <summary>
    /// ASSUMPTION A76: shard s's primary runs in AZ s mod A and its replica r (1-based) in AZ (s + r) mod A, so the
    /// primaries spread over the AZs and every shard keeps a replica outside its primary's AZ when there are two AZs
    /// or more (what <c>redis-cli --cluster create</c>'s anti-affinity aims at).
    /// </summary>
    public static int AzIndexOf(int shardIndex, int nodeIndex, int azCount) => (shardIndex + nodeIndex) % azCount;
}
