using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Proxy;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>
/// The real processes of one run on 127.0.0.1, laid out as the scenario says: one <c>redis-server</c> per node
/// (replicas follow the initial primary), one <c>redis-sentinel</c> per Sentinel, and a proxy in front of each of
/// them through which every other process and every client reaches it. Disposing stops every process by its id
/// and closes every proxy.
/// </summary>
internal sealed partial class LocalCluster : IDisposable
{
    private readonly RedisBinaries _binaries;
    private readonly List<TcpProxy> _proxies = [];
    private readonly PeerProcessNames _names = new();
    private readonly object _gate = new();
    private bool _disposed;

    private LocalCluster(WorldSpec spec, RedisBinaries binaries, string directory, CutMode mode)
    {
        Spec = spec;
        _binaries = binaries;
        Directory = directory;
        Mode = mode;
    }

    /// <summary>The scenario's world.</summary>
    public WorldSpec Spec { get; }

    /// <summary>The run's folder: configuration files and logs.</summary>
    public string Directory { get; }

    /// <summary>How a cut link behaves.</summary>
    public CutMode Mode { get; }

    /// <summary>The cut links, shared by every proxy.</summary>
    public LinkCuts Cuts { get; } = new();

    /// <summary>The nodes, in scenario order.</summary>
    public List<ServerMember> Nodes { get; } = [];

    /// <summary>The Sentinels, in scenario order.</summary>
    public List<ServerMember> Sentinels { get; } = [];

    /// <summary>Connections whose source no proxy could identify (should stay 0; they are never cut).</summary>
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

    /// <summary>For each unidentified connection: the target and the peer's port.</summary>
    public IReadOnlyList<string> UnidentifiedSources
    {
        get
        {
            lock (_gate)
            {
                return _proxies.SelectMany(p => p.UnidentifiedSources).ToList();
            }
        }
    }

    /// <summary>
    /// Allocates ports, writes configuration files, starts the proxies and the processes. Call
    /// <see cref="WaitReady"/> next. On any failure everything already started is stopped.
    /// </summary>
    public static LocalCluster Start(WorldSpec spec, RedisBinaries binaries, PortAllocator ports, string directory, CutMode mode)
    {
        System.IO.Directory.CreateDirectory(directory);
        var cluster = new LocalCluster(spec, binaries, directory, mode);
        try
        {
            cluster.Allocate(ports);
            cluster.StartProxies();
            cluster.StartProcesses();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Every server member, nodes first.</summary>
    public IEnumerable<ServerMember> Servers => Nodes.Concat(Sentinels);

    /// <summary>A node or Sentinel by name.</summary>
    public ServerMember Member(string name) => Servers.First(m => m.Name == name);

    /// <summary>The node announced at <paramref name="frontPort"/>, or null.</summary>
    public ServerMember? NodeByFrontPort(int frontPort) => Nodes.FirstOrDefault(n => n.FrontPort == frontPort);

    /// <summary>For a client's tunnel: each server's front port → that client's own proxy port for it.</summary>
    public IReadOnlyDictionary<int, int> TunnelMap(string client) =>
        Servers.ToDictionary(m => m.FrontPort, m => m.ClientFronts[client]);

    /// <summary>SIGKILL: the process is gone, its connections reset by the kernel.</summary>
    public void Crash(ServerMember member)
    {
        member.Process?.Dispose();
        member.Process = null;
        ForEachProxyOf(member, p => p.StopListening());
    }

    /// <summary>SIGSTOP.</summary>
    public static void Pause(ServerMember member) => member.Process?.Pause();

    /// <summary>SIGCONT.</summary>
    public static void Resume(ServerMember member) => member.Process?.Resume();

    /// <summary>Starts a crashed member again from its configuration file (empty, without persistence).</summary>
    public void Restart(ServerMember member)
    {
        Crash(member);
        StartProcess(member);
    }

    /// <summary>Stops every process by its id and closes every proxy.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var member in Servers)
        {
            member.Process?.Dispose();
            member.Process = null;
        }

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

    private void Allocate(PortAllocator ports)
    {
        var clientNames = Spec.Clients.Select(c => c.Name).ToList();
        ServerMember Make(string name, MemberKind kind, string az)
        {
            int real = ports.Next();
            int front = ports.Next();
            var fronts = clientNames.ToDictionary(c => c, _ => ports.Next());
            string extension = kind == MemberKind.Node ? ".redis.conf" : ".sentinel.conf";
            return new ServerMember(name, kind, az, real, front, fronts, Path.Combine(Directory, name + extension), Path.Combine(Directory, name + ".out"));
        }

        Nodes.AddRange(Spec.Nodes.Select(n => Make(n.Name, MemberKind.Node, n.Az)));
        Sentinels.AddRange(Spec.Sentinels.Select(s => Make(s.Name, MemberKind.Sentinel, s.Az)));
    }

    private void StartProxies()
    {
        foreach (var member in Servers)
        {
            Add(new TcpProxy(member.Name, member.FrontPort, member.RealPort, Cuts, Mode, _names.Identify));
            foreach (var (client, port) in member.ClientFronts)
            {
                Add(new TcpProxy(member.Name, port, member.RealPort, Cuts, Mode, _ => client) { HoldNewAcrossCut = true });
            }
        }
    }

    /// <summary>The proxies in front of <paramref name="member"/> (its front port and every client's port for it).</summary>
    private void ForEachProxyOf(ServerMember member, Action<TcpProxy> action)
    {
        List<TcpProxy> proxies;
        lock (_gate)
        {
            proxies = _proxies.Where(p => p.Target == member.Name).ToList();
        }

        proxies.ForEach(action);
    }

    private void Add(TcpProxy proxy)
    {
        lock (_gate)
        {
            _proxies.Add(proxy);
        }
    }

    private void StartProcesses()
    {
        var primarySpec = Spec.Nodes.Single(n => n.InitialPrimary);
        var primary = Nodes.Single(n => n.Name == primarySpec.Name);
        for (int i = 0; i < Nodes.Count; i++)
        {
            var node = Nodes[i];
            File.WriteAllText(node.ConfigPath, ConfigFiles.Node(node, Spec.Nodes[i], Spec.Redis, node == primary ? null : primary, Directory));
        }

        foreach (var sentinel in Sentinels)
        {
            File.WriteAllText(sentinel.ConfigPath, ConfigFiles.Sentinel(sentinel, Spec.Sentinel, primary, Directory));
        }

        // The primary first, so replicas find it at once; Sentinels last.
        foreach (var member in Nodes.OrderBy(n => n == primary ? 0 : 1).Concat(Sentinels))
        {
            StartProcess(member);
        }
    }

    private void StartProcess(ServerMember member)
    {
        var arguments = member.Kind == MemberKind.Node ? [member.ConfigPath] : _binaries.SentinelArguments(member.ConfigPath);
        string executable = member.Kind == MemberKind.Node ? _binaries.ServerPath : _binaries.SentinelPath;
        var process = ChildProcess.Start(member.Name, executable, arguments, member.LogPath);
        member.Process = process;
        ForEachProxyOf(member, p => p.StartListening());
        _names.Register(process.Pid, member.Name);
    }
}
