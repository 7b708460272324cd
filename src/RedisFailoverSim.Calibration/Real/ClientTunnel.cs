using System.Net;
using StackExchange.Redis.Configuration;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Gives one client its own view of the network: every address the Sentinels announce (a member's front port) is
/// dialled at that client's own proxy port for the member, so a partition can cut this client and not another.
/// StackExchange.Redis still sees (and reports) the announced address.
/// </summary>
internal sealed class ClientTunnel : Tunnel
{
    private readonly IReadOnlyDictionary<int, int> _portMap;

    /// <summary>Creates the tunnel from announced port → this client's proxy port.</summary>
    public ClientTunnel(IReadOnlyDictionary<int, int> portMap)
    {
        _portMap = portMap;
    }

    /// <summary>Connections dialled through the map.</summary>
    public int Mapped => Volatile.Read(ref _mapped);

    /// <summary>Connections to an address the map does not know (dialled as announced).</summary>
    public int Unmapped => Volatile.Read(ref _unmapped);

    private int _mapped;
    private int _unmapped;

    /// <inheritdoc />
    public override ValueTask<EndPoint?> GetSocketConnectEndpointAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        int? port = endpoint switch
        {
            IPEndPoint ip => ip.Port,
            DnsEndPoint dns => dns.Port,
            _ => null,
        };
        if (port is { } p && _portMap.TryGetValue(p, out int mapped))
        {
            Interlocked.Increment(ref _mapped);
            return ValueTask.FromResult<EndPoint?>(new IPEndPoint(IPAddress.Loopback, mapped));
        }

        Interlocked.Increment(ref _unmapped);
        return base.GetSocketConnectEndpointAsync(endpoint, cancellationToken);
    }
}
