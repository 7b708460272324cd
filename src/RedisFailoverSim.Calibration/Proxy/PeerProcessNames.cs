using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>
/// The processes a front proxy can tell apart: each started redis-server / redis-sentinel by its pid, and which of
/// them opened an accepted connection (the owner of its peer socket, <see cref="SocketOwner"/>). Thread-safe: proxies
/// ask from their accept threads while processes are (re)started.
/// </summary>
internal sealed class PeerProcessNames
{
    private readonly Dictionary<int, string> _nameByPid = [];
    private readonly object _gate = new();

    /// <summary>Names process <paramref name="pid"/> <paramref name="name"/> (a restarted member gets its new pid).</summary>
    public void Register(int pid, string name)
    {
        lock (_gate)
        {
            _nameByPid[pid] = name;
        }
    }

    /// <summary>Which named process opened <paramref name="accepted"/>, or null.</summary>
    public string? Identify(Socket accepted)
    {
        List<int> pids;
        lock (_gate)
        {
            pids = [.. _nameByPid.Keys];
        }

        int? pid = SocketOwner.FindPeerPid(accepted, pids);
        lock (_gate)
        {
            return pid is { } p && _nameByPid.TryGetValue(p, out string? name) ? name : null;
        }
    }
}
