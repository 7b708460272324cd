using System.Net;
using System.Net.Sockets;
using System.Text;
using RedisFailoverSim.Calibration.Proxy;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>The partition proxy on loopback: a real TCP echo passes, is cut, then heals.</summary>
public sealed class TcpProxyTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly EchoServer _echo = new();
    private readonly LinkCuts _cuts = new();

    public void Dispose() => _echo.Dispose();

    [Fact]
    public void BlackHole_CutThenHeal_EchoPassesThenIsHeldThenArrives()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client");
        using var client = Connect(proxy.ListenPort);

        Assert.Equal("ping", RoundTrip(client, "ping", Patience));

        _cuts.Cut([("client", "echo")]);
        Send(client, "held");
        Assert.Null(TryReceive(client, Quiet));

        _cuts.Heal([("client", "echo")]);
        Assert.Equal("held", TryReceive(client, Patience));
        Assert.Equal("after", RoundTrip(client, "after", Patience));
    }

    [Fact]
    public void BlackHole_NewConnectionAcrossTheCut_IsRefusedUntilHeal()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client");
        _cuts.Cut([("client", "echo")]);
        using (var during = Connect(proxy.ListenPort))
        {
            Assert.Equal("closed", ReadUntilClosed(during, Patience));
        }

        _cuts.Heal([("client", "echo")]);
        using var after = Connect(proxy.ListenPort);
        Assert.Equal("open again", RoundTrip(after, "open again", Patience));
    }

    [Fact]
    public void BlackHole_ReplyDirectionCut_RequestArrivesButReplyIsHeldUntilHeal()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client");
        using var client = Connect(proxy.ListenPort);
        Assert.Equal("one", RoundTrip(client, "one", Patience));

        _cuts.Cut([("echo", "client")]);
        Send(client, "two");
        Assert.True(_echo.WaitReceived("two", Patience));
        Assert.Null(TryReceive(client, Quiet));

        _cuts.Heal([("echo", "client")]);
        Assert.Equal("two", TryReceive(client, Patience));
    }

    [Fact]
    public void BlackHole_CloseDuringCut_IsHiddenUntilHeal()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client");
        var client = Connect(proxy.ListenPort);
        Assert.Equal("hello", RoundTrip(client, "hello", Patience));

        _cuts.Cut([("client", "echo")]);
        client.Close();
        Thread.Sleep(Quiet);
        Assert.Equal(1, _echo.OpenConnections);

        _cuts.Heal([("client", "echo")]);
        Assert.True(SpinWait.SpinUntil(() => _echo.OpenConnections == 0, Patience));
        Assert.Equal(0, _echo.OpenConnections);
    }

    [Fact]
    public void Reset_Cut_ConnectionResetAndNewOnesRefusedUntilHeal()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.Reset, _ => "client");
        using var client = Connect(proxy.ListenPort);
        Assert.Equal("ping", RoundTrip(client, "ping", Patience));

        _cuts.Cut([("client", "echo")]);
        Assert.Equal("closed", ReadUntilClosed(client, Patience));
        using (var during = Connect(proxy.ListenPort))
        {
            Assert.Equal("closed", ReadUntilClosed(during, Patience));
        }

        _cuts.Heal([("client", "echo")]);
        using var after = Connect(proxy.ListenPort);
        Assert.Equal("back", RoundTrip(after, "back", Patience));
    }

    [Fact]
    public void Cut_OtherSource_IsNotAffected()
    {
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "c2");
        using var client = Connect(proxy.ListenPort);
        _cuts.Cut([("c1", "echo"), ("echo", "c1")]);
        Assert.Equal("through", RoundTrip(client, "through", Patience));
    }

    [Fact]
    public void Proxy_UpstreamDown_ConnectionIsReset()
    {
        int closedPort = PortFor();
        using var proxy = new TcpProxy("nobody", PortFor(), closedPort, _cuts, CutMode.BlackHole, _ => "client");
        using var client = Connect(proxy.ListenPort);
        Assert.Equal("closed", ReadUntilClosed(client, Patience));
    }

    [Fact]
    public void HoldNewAcrossCut_ClientConnectsDuringTheCut_BytesArriveAtTheHeal()
    {
        // A client's proxy holds a connect across a cut (a real partition makes it hang) instead of resetting it.
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client") { HoldNewAcrossCut = true };
        _cuts.Cut([("client", "echo"), ("echo", "client")]);
        using var during = Connect(proxy.ListenPort);
        Send(during, "sent in the cut");
        Assert.Null(TryReceive(during, Quiet));
        Assert.False(_echo.WaitReceived("sent in the cut", Quiet));

        _cuts.Heal([("client", "echo"), ("echo", "client")]);
        Assert.Equal("sent in the cut", TryReceive(during, Patience));
    }

    [Fact]
    public void HoldNewAcrossCut_ClientGivesUpDuringTheCut_NothingReachesTheTargetAtTheHeal()
    {
        // Across a real partition a connect the client abandons (its connect timeout) leaves nothing behind: the held
        // connection ends when the dialler closes, instead of keeping a thread until the heal and then delivering.
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client") { HoldNewAcrossCut = true };
        _cuts.Cut([("client", "echo"), ("echo", "client")]);
        using (var abandoned = Connect(proxy.ListenPort))
        {
            Send(abandoned, "abandoned in the cut");
            Assert.Null(TryReceive(abandoned, Quiet));
        }

        Thread.Sleep(Quiet);
        _cuts.Heal([("client", "echo"), ("echo", "client")]);
        Assert.False(_echo.WaitReceived("abandoned in the cut", Quiet));
        Assert.Equal(0, proxy.ConnectionCount);

        using var after = Connect(proxy.ListenPort);
        Assert.Equal("healed", RoundTrip(after, "healed", Patience));
    }

    [Fact]
    public void StopListening_TargetGone_ConnectIsRefusedThenAcceptedAgainAfterStartListening()
    {
        // While the target's process is gone the port is closed, so a connect fails as against a crashed Redis.
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, _ => "client");
        proxy.StopListening();
        var refused = Assert.Throws<SocketException>(() => Connect(proxy.ListenPort));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);

        proxy.StartListening();
        using var after = Connect(proxy.ListenPort);
        Assert.Equal("back", RoundTrip(after, "back", Patience));
    }

    [Fact]
    public void BlackHole_SourceIdentifiedFromItsSocket_NewConnectionAcrossTheCutIsRefusedUntilHeal()
    {
        // The members' proxies name a connection's source by the process that owns its other end (SocketOwner):
        // here this test's own process, named "client".
        var names = new PeerProcessNames();
        names.Register(Environment.ProcessId, "client");
        using var proxy = new TcpProxy("echo", PortFor(), _echo.Port, _cuts, CutMode.BlackHole, names.Identify);
        _cuts.Cut([("client", "echo")]);
        using (var during = Connect(proxy.ListenPort))
        {
            Assert.Equal("closed", ReadUntilClosed(during, Patience));
        }

        _cuts.Heal([("client", "echo")]);
        using var after = Connect(proxy.ListenPort);
        Assert.Equal("open again", RoundTrip(after, "open again", Patience));
        Assert.Equal(0, proxy.UnidentifiedConnections);
    }

    [Fact]
    public void SocketOwner_PeerInThisProcess_KernelLookupFindsTheInodeOfItsSocket()
    {
        // The kernel's sock_diag lookup of the one socket (what the proxies ask on every accept) and the
        // /proc/net/tcp scan it replaced agree, and both name the dialler's own socket.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var dialler = Connect(((IPEndPoint)listener.LocalEndPoint!).Port);
        using var accepted = listener.Accept();
        var peerLocal = (IPEndPoint)accepted.RemoteEndPoint!;
        var peerRemote = (IPEndPoint)accepted.LocalEndPoint!;
        string own = new FileInfo("/proc/self/fd/" + dialler.Handle.ToInt64()).LinkTarget!;

        Assert.Equal(SocketDiag.Outcome.Found, SocketDiag.Find(local: peerLocal, remote: peerRemote, out uint inode));
        Assert.Equal(own, "socket:[" + inode + "]");
        Assert.Equal(inode.ToString(System.Globalization.CultureInfo.InvariantCulture), SocketOwner.FindInodeInProcNetTcp(peerLocal, peerRemote));
        Assert.Equal(Environment.ProcessId, SocketOwner.FindPeerPid(accepted, [Environment.ProcessId]));
        Assert.False(SocketOwner.PeerClosed(accepted));

        // Closed by its owner, the socket lingers without an inode (FIN_WAIT): the peer counts as gone.
        dialler.Close();
        Assert.True(SocketOwner.PeerClosed(accepted));
        Assert.Null(SocketOwner.FindPeerPid(accepted, [Environment.ProcessId]));
    }

    [Fact]
    public void SocketDiag_NoSuchSocket_IsNotFound()
    {
        var nowhere = new IPEndPoint(IPAddress.Loopback, PortFor());
        var alsoNowhere = new IPEndPoint(IPAddress.Loopback, PortFor());
        Assert.Equal(SocketDiag.Outcome.NotFound, SocketDiag.Find(local: nowhere, remote: alsoNowhere, out uint inode));
        Assert.Equal(0u, inode);
    }

    private static int PortFor()
    {
        // Port 0 lets the kernel choose a free port; the socket is closed before the proxy binds it.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return port;
    }

    private static Socket Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private static void Send(Socket socket, string text) => socket.Send(Encoding.ASCII.GetBytes(text));

    private static string? RoundTrip(Socket socket, string text, TimeSpan timeout)
    {
        Send(socket, text);
        return TryReceive(socket, timeout);
    }

    private static string? TryReceive(Socket socket, TimeSpan timeout)
    {
        if (!socket.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[256];
        int read = socket.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static string ReadUntilClosed(Socket socket, TimeSpan timeout)
    {
        try
        {
            if (!socket.Poll(timeout, SelectMode.SelectRead))
            {
                return "open";
            }

            return socket.Receive(new byte[16]) == 0 ? "closed" : "data";
        }
        catch (SocketException)
        {
            return "closed";
        }
    }
}
