using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.World;

/// <summary>What differs between paths when a fault needs the path's own machinery.</summary>
public interface IPathBehaviour
{
    /// <summary>The path's name, e.g. <c>self-hosted</c>.</summary>
    string PathName { get; }

    /// <summary>The node the path considers primary right now, or null.</summary>
    RedisNode? CurrentPrimary();

    /// <summary>A planned replacement of <paramref name="node"/> (maintenance); returns what was done, in words.</summary>
    string PlannedReplacement(RedisNode node);

    /// <summary>A customer reboot of <paramref name="node"/>, back after <paramref name="downFor"/>; returns what was done.</summary>
    string CustomerReboot(RedisNode node, SimDuration downFor);

    /// <summary>True when the path's control plane has settled (no failover in progress, endpoints agree).</summary>
    bool ControlPlaneSettled();
}
