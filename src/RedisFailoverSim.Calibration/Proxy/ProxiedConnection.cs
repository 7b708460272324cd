using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>One accepted connection and its upstream twin: the source member (or null) and the target member.</summary>
internal sealed class ProxiedConnection
{
    private int _aborted;

    /// <summary>Pairs the two sockets of one proxied connection.</summary>
    public ProxiedConnection(string? source, string target, Socket downstream, Socket upstream)
    {
        Source = source;
        Target = target;
        Downstream = downstream;
        Upstream = upstream;
    }

    /// <summary>The member that opened the connection, or null when it is not a member (an observer).</summary>
    public string? Source { get; }

    /// <summary>The member the proxy stands in front of.</summary>
    public string Target { get; }

    /// <summary>The accepted socket (towards the source).</summary>
    public Socket Downstream { get; }

    /// <summary>The socket to the target's real port.</summary>
    public Socket Upstream { get; }

    /// <summary>True once the connection was reset.</summary>
    public bool IsAborted => Volatile.Read(ref _aborted) != 0;

    /// <summary>Resets both sides (RST, not FIN), once.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        Reset(Downstream);
        Reset(Upstream);
    }

    /// <summary>Closes a socket with a TCP reset.</summary>
    public static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already closed by the peer: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Close();
    }
}
