namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// A Redis Cluster node's own cluster state was FAIL from <paramref name="FromSeconds"/> to <paramref name="ToSeconds"/>
/// (<c>clusterUpdateState</c>, docs/sources.md §3.5): while it was, the node answered every write with -CLUSTERDOWN,
/// primary or not.
/// </summary>
/// <param name="Node">Node name.</param>
/// <param name="FromSeconds">When the state turned FAIL (or the node restarted, which starts it FAIL), seconds since the run start.</param>
/// <param name="ToSeconds">When it turned OK again, or the run's end.</param>
public sealed record ClusterStateInterval(string Node, double FromSeconds, double ToSeconds);
