using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Timeline;

/// <summary>A node became primary (<see cref="To"/> is Primary) or stopped being one.</summary>
/// <param name="Node">Node name.</param>
/// <param name="Seconds">When, seconds since the run start.</param>
/// <param name="From">The role before.</param>
/// <param name="To">The role after.</param>
internal sealed record RoleChange(string Node, double Seconds, NodeRole From, NodeRole To);
