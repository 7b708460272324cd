using System.Net;
using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>
/// Hands out TCP ports on 127.0.0.1 from a base upward, each checked free (by binding it once) before use.
/// Bounded: it looks at no more than <see cref="MaxScan"/> ports.
/// </summary>
internal sealed class PortAllocator
{
    /// <summary>How many ports past the base it may look at.</summary>
    public const int MaxScan = 2000;

    private readonly int _last;
    private int _next;

    /// <summary>Creates an allocator starting at <paramref name="portBase"/>.</summary>
    public PortAllocator(int portBase)
    {
        if (portBase is < 1024 or > 65535 - 16)
        {
            throw new ArgumentOutOfRangeException(nameof(portBase), portBase, "the port base must be in 1024..65519");
        }

        _next = portBase;
        _last = Math.Min(65535, portBase + MaxScan - 1);
    }

    /// <summary>The next free port; throws <see cref="CalibrationSetupException"/> when none is left in range.</summary>
    public int Next()
    {
        while (_next <= _last)
        {
            int port = _next++;
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new CalibrationSetupException($"no free TCP port on 127.0.0.1 between the port base and {_last}; choose another --port-base");
    }

    /// <summary>True when nothing listens on (or holds) <paramref name="port"/> on 127.0.0.1.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
