using MathNet.Numerics.Distributions;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Network;

/// <summary>
/// Directed links between every pair of members. Each message's one-way delay is drawn from a log-normal
/// (same-AZ or cross-AZ, docs/sources.md §8; assumption A1) plus any slow-AZ penalty; a connection is FIFO (a message
/// never overtakes an earlier one on the same link). Faults cut directed links; a message in flight on a link
/// that is cut before it arrives is lost, like one dropped by iptables, unless its sender's kernel retransmits it
/// (client commands and replies: <c>SimNetwork.Retransmission.cs</c>, docs/sources.md §11.17).
/// </summary>
public sealed partial class SimNetwork : IEventTarget
{
    private readonly List<Member> _members = [];
    private readonly RandomStream[] _delays;
    private readonly double _sameAzMu;
    private readonly double _crossAzMu;
    private readonly NetworkSpec _spec;
    private readonly long[] _azExtraDelay;
    private readonly long[] _crossAzBytes = new long[Enum.GetValues<TrafficKind>().Length];
    private int[] _cutCount = [];
    private int[] _linkEpoch = [];
    private long[] _lastDelivery = [];
    private int _size;

    // Per member, with NodeBandwidthBitsPerSecond set (A160): when its interface has sent what is queued on it, and
    // the incarnation that queued it (a dead host's queue is gone).
    private long[] _egressFreeAt = [];
    private int[] _egressIncarnation = [];

    // Per link: bumped when the sender discards the stream it had queued on it and not yet sent, and when it did.
    private int[] _streamEpoch = [];
    private long[] _streamDiscardedAt = [];

    /// <summary>Creates the network of one run.</summary>
    public SimNetwork(Simulation simulation, NetworkSpec spec, IReadOnlyList<string> azs, string streamPrefix)
    {
        Simulation = simulation;
        _spec = spec;
        Azs = azs;
        _azExtraDelay = new long[azs.Count];
        // One stream per DelayStream, each requested once per run here: the default keeps its name, so runs without a
        // topology check draw exactly what they drew before there was a second stream.
        _delays =
        [
            simulation.Random.Stream(streamPrefix + "/network.delay"),
            simulation.Random.Stream(streamPrefix + "/network.delay.topology-check"),
        ];
        Invariant.Holds(_delays.Length == Enum.GetValues<DelayStream>().Length);
        _sameAzMu = Math.Log(spec.SameAzMedian.Nanoseconds / 1e9);
        _crossAzMu = Math.Log(spec.CrossAzMedian.Nanoseconds / 1e9);
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>AZ names by index.</summary>
    public IReadOnlyList<string> Azs { get; }

    /// <summary>Every member, by <see cref="MemberId"/>.</summary>
    public IReadOnlyList<Member> Members => _members;

    /// <summary>Messages sent so far.</summary>
    public long MessagesSent { get; private set; }

    /// <summary>Messages lost on cut links so far.</summary>
    public long MessagesDropped { get; private set; }

    /// <summary>Bytes of one kind sent so far from a member in one AZ to a member in another (A115).</summary>
    public long CrossAzBytes(TrafficKind kind) => _crossAzBytes[(int)kind];

    internal MemberId Register(Member member)
    {
        _members.Add(member);
        int n = _members.Count;
        Array.Resize(ref _cutCount, n * n);
        Array.Resize(ref _linkEpoch, n * n);
        Array.Resize(ref _lastDelivery, n * n);
        Array.Resize(ref _egressFreeAt, n);
        Array.Resize(ref _egressIncarnation, n);
        Array.Resize(ref _streamEpoch, n * n);
        Array.Resize(ref _streamDiscardedAt, n * n);
        ResizeHeld(n * n);

        // Arrays are laid out by the member count, so members join only during setup, before any traffic.
        Invariant.Holds(MessagesSent == 0);
        _size = n;
        return new MemberId(n - 1);
    }

    /// <summary>True while the directed link from → to is cut.</summary>
    public bool IsCut(MemberId from, MemberId to) => _cutCount[Index(from, to)] > 0;

    /// <summary>
    /// Whether a TCP connect from <paramref name="from"/> to <paramref name="to"/> opened now completes its handshake
    /// (docs/sources.md §3.17, assumption A172): yes when both directions carry and the host is powered; across a cut
    /// only on the calibration's test bed (<see cref="NetworkSpec.RetransmitAtHeal"/>), whose proxy's kernel completes
    /// a client's connect and then holds the connection until the heal (A49). A real cut loses the SYN.
    /// </summary>
    public bool CompletesConnect(MemberId from, MemberId to)
    {
        if (_members[to.Value].Host == HostState.PoweredOff)
        {
            return false;
        }

        return _spec.RetransmitAtHeal || (_cutCount[Index(from, to)] == 0 && _cutCount[Index(to, from)] == 0);
    }

    /// <summary>
    /// Whether a node's connect to <paramref name="to"/> is refused at once: only on the calibration's test bed
    /// (<see cref="NetworkSpec.RetransmitAtHeal"/>) across a cut, where the proxy in front of each node resets a
    /// connection opened across a cut (A49, docs/sources.md §3.17, assumption A173). A real cut loses the SYN.
    /// </summary>
    public bool RefusesConnect(MemberId from, MemberId to) =>
        _spec.RetransmitAtHeal && (_cutCount[Index(from, to)] > 0 || _cutCount[Index(to, from)] > 0);

    /// <summary>True while any link to or from the member is cut.</summary>
    public bool IsPartlyIsolated(MemberId member)
    {
        for (int other = 0; other < _size; other++)
        {
            if (other != member.Value && (_cutCount[Index(member.Value, other)] > 0 || _cutCount[Index(other, member.Value)] > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts the directed link (cuts nest: each cut needs its own heal).</summary>
    public void Cut(MemberId from, MemberId to)
    {
        int i = Index(from, to);
        _cutCount[i]++;
        _linkEpoch[i]++;
    }

    /// <summary>Heals one cut of the directed link.</summary>
    public void Heal(MemberId from, MemberId to)
    {
        int i = Index(from, to);
        Invariant.Holds(_cutCount[i] > 0);
        _cutCount[i]--;
        if (_cutCount[i] == 0)
        {
            ScheduleRetransmissions(i);
        }
    }

    /// <summary>Adds (or removes, with a negative value) one-way delay to every message entering or leaving an AZ.</summary>
    public void AddAzDelay(int azIndex, SimDuration extra)
    {
        _azExtraDelay[azIndex] += extra.Nanoseconds;
        Invariant.Holds(_azExtraDelay[azIndex] >= 0);
    }

    /// <summary>Sends a message; it arrives after the link's delay unless the link is cut first.</summary>
    public void Send(MemberId from, MemberId to, Message message) => Send(from, to, message, 0);

    /// <summary>
    /// Sends a message that leaves the sender <paramref name="departureNanoseconds"/> from now (a Redis node's reply
    /// after the command's service time on its one thread); it then takes the link's delay.
    /// </summary>
    public void Send(MemberId from, MemberId to, Message message, long departureNanoseconds)
    {
        Invariant.Holds(departureNanoseconds >= 0);
        MessagesSent++;
        message.From = from;
        message.To = to;
        message.EgressDoneAt = 0;
        message.LeftAt = Simulation.Now.Nanoseconds + departureNanoseconds;
        if (from == to)
        {
            Simulation.ScheduleAt(new SimTime(Simulation.Now.Nanoseconds + departureNanoseconds), this, 0, message);
            return;
        }

        int link = Index(from, to);
        var sender = _members[from.Value];
        var receiver = _members[to.Value];
        message.FromIncarnation = sender.Incarnation;
        message.ToIncarnation = receiver.Incarnation;
        if (message is ConnectionReset { Scope: ResetScope.Client })
        {
            // The sender closed its end of a client connection: data the client's kernel still holds for it is refused.
            DiscardHeld(Index(to, from));
        }

        if (_cutCount[link] > 0 || HoldsAny(link))
        {
            if (message.RetransmittedAcrossCuts)
            {
                Hold(link, message);
                return;
            }

            if (_cutCount[link] > 0)
            {
                MessagesDropped++;
                return;
            }
        }

        Transmit(link, sender.AzIndex, receiver.AzIndex, message, departureNanoseconds);
    }

    /// <summary>Puts the message on the link: counts its cross-AZ bytes and schedules its arrival, FIFO.</summary>
    private void Transmit(int link, int fromAz, int toAz, Message message, long departureNanoseconds)
    {
        message.LinkEpoch = _linkEpoch[link];
        message.StreamEpoch = _streamEpoch[link];
        if (fromAz != toAz && fromAz >= 0 && toAz >= 0)
        {
            // Sent onto the link (a cut link sent nothing); a regional control plane (AZ -1) carries no data.
            _crossAzBytes[(int)message.Traffic] += message.WireBytes;
        }

        message.EgressDoneAt = 0;
        if (_spec.NodeBandwidthBitsPerSecond > 0 && _members[message.From.Value].HasBoundedEgress)
        {
            departureNanoseconds = ThroughInterface(message, departureNanoseconds);
        }

        long at = Simulation.Now.Nanoseconds + departureNanoseconds + SampleDelay(fromAz, toAz, _delays[(int)message.DelayStream]);
        if (at <= _lastDelivery[link])
        {
            at = _lastDelivery[link] + 1;
        }

        _lastDelivery[link] = at;
        message.ArrivesAt = at;
        Simulation.ScheduleAt(new SimTime(at), this, 0, message);
    }

    /// <summary>
    /// The message's bytes take the sender's interface for bytes × 8 / bandwidth (A160). The replication stream, the
    /// bulk a node's replica output buffers hold, queues behind what the interface still has to send (FIFO); other
    /// messages (replies, pings, log appends, a full sync's RDB, which has its own rate) go out at once, as a small flow
    /// does past a bulk one, but still take their bytes' time from the interface. Returns the departure after it.
    /// </summary>
    private long ThroughInterface(Message message, long departureNanoseconds)
    {
        int from = message.From.Value;
        var sender = _members[from];
        long now = Simulation.Now.Nanoseconds;
        if (_egressIncarnation[from] != sender.Incarnation)
        {
            // The host died since it queued: its output buffers died with it.
            _egressIncarnation[from] = sender.Incarnation;
            _egressFreeAt[from] = now;
        }

        long serialization = SerializationNanoseconds(message.WireBytes, _spec.NodeBandwidthBitsPerSecond);
        long ready = now + departureNanoseconds;
        long done;
        if (message.Traffic == TrafficKind.Replication)
        {
            done = Math.Max(ready, _egressFreeAt[from]) + serialization;
            _egressFreeAt[from] = done;
        }
        else
        {
            done = ready + serialization;
            _egressFreeAt[from] = Math.Max(_egressFreeAt[from], ready) + serialization;
        }

        message.EgressDoneAt = done;
        return done - now;
    }

    /// <summary>The time <paramref name="bytes"/> take on an interface of <paramref name="bitsPerSecond"/>, rounded to the nanosecond.</summary>
    internal static long SerializationNanoseconds(long bytes, long bitsPerSecond)
    {
        Invariant.Holds(bytes >= 0 && bitsPerSecond > 0);
        return (long)((((Int128)bytes * 8_000_000_000) + (bitsPerSecond / 2)) / bitsPerSecond);
    }

    /// <summary>
    /// The sender closed the connection and freed its output buffer (a primary closing a replica over
    /// client-output-buffer-limit, docs/sources.md §8.1): the replication stream it had queued to
    /// <paramref name="to"/> and its interface had not yet sent by now never leaves, and the interface is free of
    /// those <paramref name="unsentBytes"/> sooner. What had left arrives; a message sent later arrives after
    /// <paramref name="lastSentArrival"/> (when the last stream message that had left is due), no longer behind the
    /// discarded ones' places (A178).
    /// </summary>
    public void DiscardUnsentStream(MemberId from, MemberId to, long unsentBytes, long lastSentArrival)
    {
        Invariant.Holds(unsentBytes >= 0);
        int link = Index(from, to);
        long now = Simulation.Now.Nanoseconds;
        _streamEpoch[link]++;
        _streamDiscardedAt[link] = now;
        _lastDelivery[link] = Math.Max(now, lastSentArrival);
        if (_spec.NodeBandwidthBitsPerSecond > 0 && _egressIncarnation[from.Value] == _members[from.Value].Incarnation)
        {
            long freed = SerializationNanoseconds(unsentBytes, _spec.NodeBandwidthBitsPerSecond);
            _egressFreeAt[from.Value] = Math.Max(now, _egressFreeAt[from.Value] - freed);
        }
    }

    /// <summary>How long the member's interface needs to send what is queued on it (A160): a stream entry queued now waits that long.</summary>
    public long EgressBacklogNanoseconds(MemberId member) =>
        Math.Max(0, _egressFreeAt[member.Value] - Simulation.Now.Nanoseconds);

    void IEventTarget.Fire(long token, object? payload)
    {
        if (payload is HeldTimer timer)
        {
            OnHeldTimer(timer, token);
            return;
        }

        var message = (Message)payload!;
        if (message.EgressDoneAt > 0 && (NeverLeft(message) || Discarded(message)))
        {
            MessagesDropped++;
            return;
        }

        if (message.From != message.To)
        {
            int link = Index(message.From, message.To);
            if (_cutCount[link] > 0 || _linkEpoch[link] != message.LinkEpoch)
            {
                if (message.RetransmittedAcrossCuts)
                {
                    // Lost on the wire when the link was cut: the sender's kernel still has it, unacknowledged.
                    Hold(link, message);
                    return;
                }

                MessagesDropped++;
                return;
            }
        }

        var to = _members[message.To.Value];
        switch (to.Host)
        {
            case HostState.Up:
                to.Receive(message);
                message.Delivered();
                break;
            case HostState.Paused:
                to.HoldWhilePaused(message);
                break;
            case HostState.ProcessDown:
                // The host's kernel answers a connection to a dead process with a reset (assumption A10).
                if (message.ResetWhenRefused)
                {
                    Send(message.To, message.From, new ConnectionReset(message));
                }

                break;
            case HostState.PoweredOff:
                break;
            default:
                Invariant.Fail("unknown host state");
                break;
        }
    }

    /// <summary>
    /// Its sender discarded it from a connection's output buffer before the interface sent its last byte: stream, or
    /// a full sync's RDB still going out on the closed connection.
    /// </summary>
    private bool Discarded(Message message)
    {
        if (message.Traffic is not (TrafficKind.Replication or TrafficKind.FullSync) || message.From == message.To)
        {
            return false;
        }

        int link = Index(message.From, message.To);
        return message.StreamEpoch != _streamEpoch[link] && message.EgressDoneAt > _streamDiscardedAt[link];
    }

    /// <summary>The sender died before its interface had sent the message's last byte (A160).</summary>
    private bool NeverLeft(Message message)
    {
        var sender = _members[message.From.Value];
        return sender.Incarnation != message.FromIncarnation && message.EgressDoneAt > sender.IncarnationEnd(message.FromIncarnation);
    }

    private long SampleDelay(int fromAz, int toAz, RandomStream delays)
    {
        // A regional service (AZ index -1) is treated as cross-AZ from everything.
        double seconds = fromAz == toAz && fromAz >= 0
            ? LogNormal.Sample(delays, _sameAzMu, _spec.SameAzSigma)
            : LogNormal.Sample(delays, _crossAzMu, _spec.CrossAzSigma);
        long delay = SimDuration.FromSecondsRounded(seconds).Nanoseconds;
        long extra = (fromAz >= 0 ? _azExtraDelay[fromAz] : 0) + (toAz >= 0 && toAz != fromAz ? _azExtraDelay[toAz] : 0);
        return Math.Max(1, delay + extra);
    }

    private int Index(MemberId from, MemberId to) => Index(from.Value, to.Value);

    private int Index(int from, int to) => (from * _size) + to;
}
