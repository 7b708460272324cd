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

    // The pids in the order they are searched, the last one found first: each search reads the descriptors of one
    // process after another, and in a partition the same few Sentinels redial their cut links every second.
    private readonly List<int> _searchOrder = [];
    private readonly object _gate = new();

    /// <summary>Names process <paramref name="pid"/> <paramref name="name"/> (a restarted member gets its new pid).</summary>
    public void Register(int pid, string name)
    {
        lock (_gate)
        {
            if (_nameByPid.TryAdd(pid, name))
            {
                _searchOrder.Add(pid);
            }
            else
            {
                _nameByPid[pid] = name;
            }
        }
    }

    /// <summary>Which named process opened <paramref name="accepted"/>, or null.</summary>
    public string? Identify(Socket accepted)
    {
        List<int> pids;
        lock (_gate)
        {
            pids = [.. _searchOrder];
        }

        int? pid = SocketOwner.FindPeerPid(accepted, pids);
        lock (_gate)
        {
            if (pid is not { } p || !_nameByPid.TryGetValue(p, out string? name))
            {
                return null;
            }

            if (_searchOrder.Remove(p))
            {
                _searchOrder.Insert(0, p);
            }

            return name;
        }
    }
}
