using System.Net;
using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>
/// A TCP proxy on 127.0.0.1 standing in front of one member's real port. Each accepted connection is tagged with
/// its source member (found by <c>identifySource</c>); bytes from source to target pass only while
/// <see cref="LinkCuts"/> has not cut source → target, bytes back only while target → source is open. A cut
/// black-holes the connection (or resets it, <see cref="CutMode.Reset"/>); a heal lets held bytes flow again.
/// </summary>
internal sealed class TcpProxy : IDisposable
{
    private static readonly TimeSpan UpstreamConnectTimeout = TimeSpan.FromSeconds(2);
    private const int BufferBytes = 16 * 1024;

    private readonly int _upstreamPort;
    private readonly LinkCuts _cuts;
    private readonly CutMode _mode;
    private readonly Func<Socket, string?> _identifySource;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly Task _acceptLoop;
    private int _unidentified;

    /// <summary>Binds <paramref name="listenPort"/> on 127.0.0.1 and starts accepting.</summary>
    public TcpProxy(string target, int listenPort, int upstreamPort, LinkCuts cuts, CutMode mode, Func<Socket, string?> identifySource)
    {
        Target = target;
        _upstreamPort = upstreamPort;
        _cuts = cuts;
        _mode = mode;
        _identifySource = identifySource;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, listenPort));
            _listener.Listen(128);
        }
        catch (SocketException e)
        {
            _listener.Dispose();
            throw new CalibrationSetupException($"proxy for {target} cannot listen on 127.0.0.1:{listenPort}: {e.Message}", e);
        }

        ListenPort = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _cuts.LinksCut += OnLinksCut;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

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
    public int UnidentifiedConnections => Volatile.Read(ref _unidentified);

    /// <summary>Stops accepting and resets every connection.</summary>
    public void Dispose()
    {
        _cuts.LinksCut -= OnLinksCut;
        _stop.Cancel();
        _listener.Close();
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

        // Bounded: the loop ends as soon as the listener is closed.
        _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(accepted));
        }
    }

    private async Task HandleAsync(Socket downstream)
    {
        downstream.NoDelay = true;
        string? source = _identifySource(downstream);
        if (source is null)
        {
            Interlocked.Increment(ref _unidentified);
        }

        if (_mode == CutMode.Reset && (_cuts.IsCut(source, Target) || _cuts.IsCut(Target, source)))
        {
            ProxiedConnection.Reset(downstream);
            return;
        }

        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(UpstreamConnectTimeout);
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _upstreamPort), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The target is down: the source sees its connection reset, as from a host whose port is closed.
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

        var toTarget = PumpAsync(connection, reader: downstream, writer: upstream, fromMember: source, toMember: Target);
        var toSource = PumpAsync(connection, reader: upstream, writer: downstream, fromMember: Target, toMember: source);
        await Task.WhenAll(toTarget, toSource).ConfigureAwait(false);
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
    private async Task PumpAsync(ProxiedConnection connection, Socket reader, Socket writer, string? fromMember, string? toMember)
    {
        var buffer = new byte[BufferBytes];
        var token = _stop.Token;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await reader.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    read = -1;
                }

                await _cuts.WaitOpenAsync(fromMember, toMember, token).ConfigureAwait(false);
                if (connection.IsAborted)
                {
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
                    sent += await writer.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
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
