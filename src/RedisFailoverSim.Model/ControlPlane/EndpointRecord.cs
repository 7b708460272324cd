using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// Where a managed service's primary endpoint points: the DNS CNAME of an ElastiCache primary endpoint (docs/sources.md
/// §4.2, re-pointed after a failover), the route a Serverless proxy forwards to, the primary a MemoryDB cluster
/// advertises. What a client sees of it depends on its own caching (<see cref="Clients.EndpointDiscovery"/>).
/// </summary>
public sealed class EndpointRecord
{
    /// <summary>Creates the record pointing at <paramref name="initial"/>.</summary>
    public EndpointRecord(string name, MemberId initial)
    {
        Name = name;
        Current = initial;
    }

    /// <summary>The endpoint's name, for narration (e.g. <c>primary endpoint</c>).</summary>
    public string Name { get; }

    /// <summary>The node the record answers with now.</summary>
    public MemberId Current { get; private set; }

    /// <summary>How many times the record was re-pointed.</summary>
    public int Changes { get; private set; }

    /// <summary>
    /// Raised after the record points at another node, for a reader that acts at once rather than on its next look
    /// (a Serverless proxy re-sending the writes it holds, A169).
    /// </summary>
    public event Action? Repointed;

    /// <summary>Points the record at another node (effective at once: any propagation delay is the caller's).</summary>
    public void PointTo(MemberId node)
    {
        if (node != Current)
        {
            Current = node;
            Changes++;
            Repointed?.Invoke();
        }
    }
}
