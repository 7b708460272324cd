using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Proxy;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// The proxies of a partitioned Redis Cluster run, as <see cref="LocalCluster"/> builds them for Sentinel: per node a
/// data-port front and a cluster-bus front (the ports the node announces, so every node, CLUSTER SLOTS and -MOVED name
/// them), each tagging a connection with the redis-server that opened it (its pid, <see cref="SocketOwner"/>): node X's
/// bus link to node Y's front is the link X → Y, a replica's link to its primary's data front the link replica →
/// primary. Per (client, node) a data-port proxy that knows its client, and holds a new connection across a cut until
/// the heal as the Sentinel runs' client proxies do (A49); the client's tunnel maps each announced data port to it.
/// <see cref="Cuts"/> decides what is cut. rfsim's own observer (ROLE, INFO, the final SCAN) uses the real ports.
/// </summary>
internal sealed class ClusterProxies : IDisposable
{
    private readonly List<TcpProxy> _proxies = [];
    private readonly PeerProcessNames _names = new();
    private readonly Dictionary<string, Dictionary<int, int>> _tunnels = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly int[] _frontPorts;
    private readonly int[] _frontBusPorts;

    private ClusterProxies(int nodeCount)
    {
        _frontPorts = new int[nodeCount];
        _frontBusPorts = new int[nodeCount];
    }

    /// <summary>The cut links, shared by every proxy of the run.</summary>
    public LinkCuts Cuts { get; } = new();

    /// <summary>
    /// Allocates the front and client ports from <paramref name="ports"/> and starts every proxy in front of
    /// <paramref name="nodes"/> (their real data and bus ports); call <see cref="Register"/> as each process starts.
    /// </summary>
    public static ClusterProxies Start(IReadOnlyList<(string Name, int Port, int BusPort)> nodes, IReadOnlyList<string> clients, PortAllocator ports)
    {
        var proxies = new ClusterProxies(nodes.Count);
        try
        {
            foreach (string client in clients)
            {
                proxies._tunnels[client] = [];
            }

            for (int i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                proxies._frontPorts[i] = ports.Next();
                proxies._frontBusPorts[i] = ports.Next();
                proxies.Add(new TcpProxy(node.Name, proxies._frontPorts[i], node.Port, proxies.Cuts, CutMode.BlackHole, proxies._names.Identify));
                proxies.Add(new TcpProxy(node.Name, proxies._frontBusPorts[i], node.BusPort, proxies.Cuts, CutMode.BlackHole, proxies._names.Identify));
                foreach (string client in clients)
                {
                    int port = ports.Next();
                    proxies._tunnels[client][proxies._frontPorts[i]] = port;
                    proxies.Add(new TcpProxy(node.Name, port, node.Port, proxies.Cuts, CutMode.BlackHole, _ => client) { HoldNewAcrossCut = true });
                }
            }

            return proxies;
        }
        catch
        {
            proxies.Dispose();
            throw;
        }
    }

    /// <summary>The data port node <paramref name="index"/> announces (its front proxy).</summary>
    public int FrontPort(int index) => _frontPorts[index];

    /// <summary>The cluster-bus port node <paramref name="index"/> announces (its bus front proxy).</summary>
    public int FrontBusPort(int index) => _frontBusPorts[index];

    /// <summary>For <paramref name="client"/>'s tunnel: each announced data port → that client's own proxy port for the node.</summary>
    public IReadOnlyDictionary<int, int> TunnelMap(string client) => _tunnels[client];

    /// <summary>Connections whose source no front proxy could identify (should stay 0; they are never cut).</summary>
    public int UnidentifiedConnections
    {
        get
        {
            lock (_gate)
            {
                return _proxies.Sum(p => p.UnidentifiedConnections);
            }
        }
    }

    /// <summary>Names the redis-server process <paramref name="pid"/> as node <paramref name="name"/>.</summary>
    public void Register(string name, int pid) => _names.Register(pid, name);

    /// <summary>Closes every proxy and resets its connections.</summary>
    public void Dispose()
    {
        List<TcpProxy> proxies;
        lock (_gate)
        {
            proxies = [.. _proxies];
            _proxies.Clear();
        }

        foreach (var proxy in proxies)
        {
            proxy.Dispose();
        }
    }

    private void Add(TcpProxy proxy)
    {
        lock (_gate)
        {
            _proxies.Add(proxy);
        }
    }
}
