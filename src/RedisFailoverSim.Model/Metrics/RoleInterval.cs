namespace RedisFailoverSim.Model.Metrics;

/// <summary>A node held one role (and isolation state) from <paramref name="FromSeconds"/> to <paramref name="ToSeconds"/>.</summary>
/// <param name="Node">Node name.</param>
/// <param name="FromSeconds">Start, seconds since the run start.</param>
/// <param name="ToSeconds">End, seconds since the run start.</param>
/// <param name="Role">The role.</param>
/// <param name="Isolated">True while a fault cut the node off from part of the system.</param>
public sealed record RoleInterval(string Node, double FromSeconds, double ToSeconds, NodeRole Role, bool Isolated);
