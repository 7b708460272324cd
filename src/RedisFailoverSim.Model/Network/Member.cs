using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Network;

/// <summary>A participant on the network: a Redis node, a Sentinel, a client, or a managed service.</summary>
public abstract class Member
{
    private readonly Queue<Message> _pausedInbox = new();

    // When each past incarnation ended (nanoseconds), by incarnation: what its bounded interface had not sent is lost.
    private readonly List<long> _incarnationEnds = [];

    /// <summary>Creates a member placed in an AZ.</summary>
    protected Member(SimNetwork network, string name, int azIndex)
    {
        Network = network;
        Name = name;
        AzIndex = azIndex;
        Id = network.Register(this);
    }

    /// <summary>The network it is attached to.</summary>
    public SimNetwork Network { get; }

    /// <summary>Its index.</summary>
    public MemberId Id { get; }

    /// <summary>Its name, e.g. <c>n1</c>.</summary>
    public string Name { get; }

    /// <summary>Index of its AZ.</summary>
    public int AzIndex { get; }

    /// <summary>Whether its process and host run.</summary>
    public HostState Host { get; private set; }

    /// <summary>
    /// Counts the process's (or host's) deaths: a connection held for retransmission across a cut belongs to the
    /// incarnation it was opened by, and a restarted process's kernel knows none of them.
    /// </summary>
    internal int Incarnation { get; private set; }

    /// <summary>
    /// True for a host whose egress is bounded by <see cref="Specs.NetworkSpec.NodeBandwidthBitsPerSecond"/> (a Redis
    /// node); clients, Sentinels and the managed services send unbounded (A160).
    /// </summary>
    internal virtual bool HasBoundedEgress => false;

    /// <summary>When incarnation <paramref name="incarnation"/> ended (nanoseconds); it must have ended.</summary>
    internal long IncarnationEnd(int incarnation) => _incarnationEnds[incarnation];

    /// <summary>The simulation.</summary>
    protected Simulation Sim => Network.Simulation;

    /// <summary>Handles a delivered message (only while <see cref="HostState.Up"/>).</summary>
    protected internal abstract void Receive(Message message);

    /// <summary>Called by the network for a message that arrived while paused.</summary>
    internal void HoldWhilePaused(Message message) => _pausedInbox.Enqueue(message);

    /// <summary>Changes the host state; on resume from a pause, delivers what queued up, in order.</summary>
    protected void SetHost(HostState state)
    {
        var previous = Host;
        Host = state;
        if (previous == HostState.Paused && state == HostState.Up)
        {
            while (_pausedInbox.Count > 0 && Host == HostState.Up)
            {
                Receive(_pausedInbox.Dequeue());
            }
        }
        else if (state is HostState.ProcessDown or HostState.PoweredOff)
        {
            _pausedInbox.Clear();
            if (previous is not (HostState.ProcessDown or HostState.PoweredOff))
            {
                _incarnationEnds.Add(Sim.Now.Nanoseconds);
                Incarnation++;
            }
        }
    }

    /// <summary>Sends a message to another member.</summary>
    protected void Send(MemberId to, Message message) => Network.Send(Id, to, message);

    /// <inheritdoc />
    public override string ToString() => Name;
}
