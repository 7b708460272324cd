using System.Net;
using System.Net.Sockets;
using RedisFailoverSim.Calibration.Processes;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>
/// A TCP proxy on 127.0.0.1 standing in front of one member's real port. Each accepted connection is tagged with
/// its source member (found by <c>identifySource</c>); bytes from source to target pass only while
/// <see cref="LinkCuts"/> has not cut source → target, bytes back only while target → source is open. A cut
/// black-holes the connection (or resets it, <see cref="CutMode.Reset"/>); a heal lets held bytes flow again.
/// </summary>
/// <remarks>
/// Every proxy runs on its own threads with blocking sockets (one accepting, two per connection), never on the .NET
/// thread pool: the StackExchange.Redis clients in the same process may starve the pool during a failover, and the
/// links between Redis processes must not stall because of it.
/// </remarks>
internal sealed partial class TcpProxy : IDisposable
{
    private const int BufferBytes = 16 * 1024;
    private const int ThreadStackBytes = 256 * 1024;

    private readonly int _upstreamPort;
    private readonly LinkCuts _cuts;
    private readonly CutMode _mode;
    private readonly Func<Socket, string?> _identifySource;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly List<string> _unidentifiedSources = [];
    private Socket? _listener;
    private Thread? _acceptThread;

    /// <summary>Binds <paramref name="listenPort"/> on 127.0.0.1 and starts accepting.</summary>
    public TcpProxy(string target, int listenPort, int upstreamPort, LinkCuts cuts, CutMode mode, Func<Socket, string?> identifySource)
    {
        Target = target;
        _upstreamPort = upstreamPort;
        _cuts = cuts;
        _mode = mode;
        _identifySource = identifySource;
        ListenPort = listenPort;
        StartListening();
        _cuts.LinksCut += OnLinksCut;
    }

    /// <summary>
    /// Hold a new connection across a cut until the heal instead of resetting it: set for the proxies in front of a
    /// member that each client dials (<c>LocalCluster</c>), where a reset would make a connect fail at once that across
    /// a real partition hangs; the members' own links keep the reset (see <see cref="Handle"/>).
    /// </summary>
    public bool HoldNewAcrossCut { get; init; }

    /// <summary>The member behind the proxy.</summary>
    public string Target { get; }

    /// <summary>The port the proxy listens on.</summary>
    public int ListenPort { get; }

    /// <summary>Connections open now.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Connections whose source could not be identified (never cut).</summary>
    public int UnidentifiedConnections
    {
        get
        {
            lock (_gate)
            {
                return _unidentifiedSources.Count;
            }
        }
    }

    /// <summary>For each unidentified connection: the target and the peer's port, e.g. <c>n1:26401 ← :43512</c>.</summary>
    public IReadOnlyList<string> UnidentifiedSources
    {
        get
        {
            lock (_gate)
            {
                return [.. _unidentifiedSources];
            }
        }
    }

    /// <summary>
    /// Closes the listening port while the target's process is gone (killed, not yet restarted), so that a connect is
    /// refused by the kernel, as a host whose port is closed refuses it. Listening on, the kernel would complete the
    /// handshake before the proxy learnt the target is gone: a client that writes as soon as it connects (redis-py,
    /// with no handshake of its own) would count a write sent into a connection that then resets, unknown, where
    /// against a crashed Redis its connect fails and the write is never sent.
    /// </summary>
    public void StopListening()
    {
        lock (_gate)
        {
            _listener?.Close();
            _listener = null;
        }

        _acceptThread?.Join(TimeSpan.FromSeconds(2));
        _acceptThread = null;
    }

    /// <summary>Listens on <see cref="ListenPort"/> again (nothing when it already does).</summary>
    public void StartListening()
    {
        lock (_gate)
        {
            if (_listener is not null || _stop.IsCancellationRequested)
            {
                return;
            }

            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(IPAddress.Loopback, ListenPort));
                listener.Listen(128);
            }
            catch (SocketException e)
            {
                listener.Dispose();
                throw new CalibrationSetupException($"proxy for {Target} cannot listen on 127.0.0.1:{ListenPort}: {e.Message}", e);
            }

            _listener = listener;
            _acceptThread = GuardedThread.Start($"rfsim-proxy-{Target}:{ListenPort}", () => AcceptLoop(listener), ThreadStackBytes);
        }
    }

    /// <summary>Stops accepting and resets every connection.</summary>
    public void Dispose()
    {
        _cuts.LinksCut -= OnLinksCut;
        _stop.Cancel();
        Socket? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        listener?.Close();
        List<ProxiedConnection> open;
        lock (_gate)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            connection.Abort();
        }

        // Bounded: the accept loop ends as soon as the listener is closed; pumps end when their sockets close.
        _acceptThread?.Join(TimeSpan.FromSeconds(2));
    }

    private void AcceptLoop(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = listener.Accept();
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return;
            }

            GuardedThread.Start($"rfsim-proxy-{Target}-in", () => Handle(accepted), ThreadStackBytes);
        }
    }

    private void Handle(Socket downstream)
    {
        downstream.NoDelay = true;
        string? source = _identifySource(downstream);
        if (source is null && SocketOwner.PeerClosed(downstream))
        {
            // The dialler gave up before we looked (a connect timeout under load): nothing to forward.
            ProxiedConnection.Reset(downstream);
            return;
        }

        if (source is null)
        {
            lock (_gate)
            {
                _unidentifiedSources.Add($"{Target}:{ListenPort} ← :{(downstream.RemoteEndPoint as IPEndPoint)?.Port}");
            }
        }

        // ASSUMPTION A49: A new connection across a cut: in a real partition its SYN is lost and the connect never completes, which
        // a loopback proxy cannot reproduce (the kernel completes the handshake before accept). Completing it
        // would be worse: Sentinel treats a connected link as usable and sends a partitioned replica SLAVEOF, then
        // waits on it (reconfiguration is gated by parallel-syncs). Refusing it leaves the dialler where a hanging
        // connect does: not connected. Connections opened before the cut are held (black-holed), not refused.
        MemoryStream? early = null;
        if (_cuts.IsCut(source, Target) || _cuts.IsCut(Target, source))
        {
            if (!HoldNewAcrossCut)
            {
                ProxiedConnection.Reset(downstream);
                return;
            }

            // A client's connect is held instead, until the heal: a client library that writes as soon as it is
            // connected (redis-py) would otherwise count a write sent into a reset, where across a real partition its
            // connect hangs (no connect timeout by default) and the write waits, unsent, until the heal.
            early = HoldUntilOpen(downstream, source);
            if (early is null)
            {
                ProxiedConnection.Reset(downstream);
                return;
            }
        }

        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Blocking and without the thread pool: on loopback a closed port refuses at once, and a stopped
            // process's kernel still completes the handshake from its listen backlog.
            upstream.Connect(new IPEndPoint(IPAddress.Loopback, _upstreamPort));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The target is down: the source sees its connection reset, as from a host whose port is closed.
            upstream.Dispose();
            ProxiedConnection.Reset(downstream);
            return;
        }

        if (early is { Length: > 0 } && !TrySend(upstream, early))
        {
            upstream.Dispose();
            ProxiedConnection.Reset(downstream);
            return;
        }

        var connection = new ProxiedConnection(source, Target, downstream, upstream);
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                connection.Abort();
                return;
            }

            _connections.Add(connection);
        }

        var back = GuardedThread.Start($"rfsim-proxy-{Target}-out", () => Pump(connection, reader: upstream, writer: downstream, fromMember: Target, toMember: source), ThreadStackBytes);
        Pump(connection, reader: downstream, writer: upstream, fromMember: source, toMember: Target);
        back.Join();
        lock (_gate)
        {
            _connections.Remove(connection);
        }

        downstream.Dispose();
        upstream.Dispose();
    }

    /// <summary>
    /// Copies bytes one way. Whatever it read (data, end of stream, or a reset) waits while the link is cut, so a
    /// partition hides closes as well as data, as a real one would.
    /// </summary>
    private void Pump(ProxiedConnection connection, Socket reader, Socket writer, string? fromMember, string? toMember)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = reader.Receive(buffer);
                }
                catch (SocketException)
                {
                    read = -1;
                }

                if (!_cuts.WaitOpen(fromMember, toMember, _stop.Token) || connection.IsAborted)
                {
                    connection.Abort();
                    return;
                }

                if (read < 0)
                {
                    connection.Abort();
                    return;
                }

                if (read == 0)
                {
                    writer.Shutdown(SocketShutdown.Send);
                    return;
                }

                int sent = 0;
                while (sent < read)
                {
                    sent += writer.Send(buffer, sent, read - sent, SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            connection.Abort();
        }
    }

    private void OnLinksCut(IReadOnlyList<(string From, string To)> links)
    {
        if (_mode != CutMode.Reset)
        {
            return;
        }

        List<ProxiedConnection> hit;
        lock (_gate)
        {
            hit = _connections
                .Where(c => c.Source is not null && links.Any(l => (l.From == c.Source && l.To == c.Target) || (l.From == c.Target && l.To == c.Source)))
                .ToList();
        }

        foreach (var connection in hit)
        {
            connection.Abort();
        }
    }
}
