using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>
/// A Sentinel monitoring one master (<c>mymaster</c>), following sentinel.c: PING every second, SDOWN after
/// down-after-milliseconds, ODOWN when quorum Sentinels agree via is-master-down-by-addr, epochs and one vote
/// per epoch, a leader elected by a majority of all Sentinels and at least quorum, replica selection,
/// SLAVEOF NO ONE, reconfiguration of the other replicas, configuration propagation through hellos,
/// <c>+switch-master</c>, and demotion of an old master that reappears (docs/sources.md §2).
/// </summary>
public sealed partial class SentinelNode : Member
{
    /// <summary>The monitored master's name, as in <c>sentinel monitor mymaster …</c>.</summary>
    public const string MasterName = "mymaster";

    // Periods from sentinel.c (docs/sources.md §2.1).
    private static readonly SimDuration InfoPeriod = SimDuration.FromMilliseconds(10_000);
    private static readonly SimDuration FastInfoPeriod = SimDuration.FromMilliseconds(1_000);
    private static readonly SimDuration PublishPeriod = SimDuration.FromMilliseconds(2_000);
    private static readonly SimDuration AskPeriod = SimDuration.FromMilliseconds(1_000);
    private static readonly SimDuration MaxDesync = SimDuration.FromMilliseconds(1_000);
    private static readonly SimDuration ElectionTimeoutCap = SimDuration.FromMilliseconds(10_000);
    private static readonly SimDuration SlaveReconfTimeout = SimDuration.FromMilliseconds(10_000);
    private static readonly SimDuration ReconnectPeriod = SimDuration.FromMilliseconds(1_000);
    private static readonly SimDuration MinLinkReconnectPeriod = SimDuration.FromMilliseconds(15_000);

    private readonly SentinelSettings _settings;
    private readonly RunRecorder _recorder;
    private readonly RandomStream _random;
    private readonly IReadOnlyList<RedisNode> _nodes;
    private readonly List<InstanceView> _peers = [];
    private readonly List<MemberId> _subscribers = [];
    private readonly List<MemberId> _eventSubscribers = [];
    private readonly SimDuration _pingPeriod;
    private List<InstanceView> _replicas = [];
    private InstanceView _master = null!;
    private Process? _timer;

    /// <summary>Creates a Sentinel; call <see cref="Boot"/> once every member exists.</summary>
    public SentinelNode(
        SimNetwork network,
        SentinelSpec spec,
        int azIndex,
        SentinelSettings settings,
        RunRecorder recorder,
        RandomStream random,
        IReadOnlyList<RedisNode> nodes)
        : base(network, spec.Name, azIndex)
    {
        _settings = settings;
        _recorder = recorder;
        _random = random;
        _nodes = nodes;
        _pingPeriod = SimDuration.Min(settings.DownAfter, SimDuration.FromMilliseconds(1000));
    }

    /// <summary>The Sentinel's current epoch.</summary>
    public long CurrentEpoch { get; private set; }

    /// <summary>The configuration epoch of the master it monitors.</summary>
    public long ConfigEpoch { get; private set; }

    /// <summary>The master this Sentinel monitors.</summary>
    public MemberId MonitoredMaster => _master.Member;

    /// <summary>The master this Sentinel advertises (the promoted replica once a failover reconfigures).</summary>
    public MemberId AdvertisedMaster =>
        _failoverInProgress && _failoverState >= FailoverState.ReconfSlaves && _promoted is not null
            ? _promoted.Member
            : _master.Member;

    /// <summary>Where this Sentinel's failover state machine stands.</summary>
    public FailoverState Failover => _failoverState;

    /// <summary>Starts monitoring: knows the master, its replicas and its peers (assumption A6).</summary>
    /// <param name="master">The master to monitor.</param>
    /// <param name="sentinels">Every Sentinel, this one included.</param>
    /// <param name="subscribers">Clients subscribed to <c>+switch-master</c>.</param>
    /// <param name="eventSubscribers">Clients that also hear the other events (<c>client.sentinel-events: rediscover</c>).</param>
    public void Boot(MemberId master, IReadOnlyList<SentinelNode> sentinels, IReadOnlyList<MemberId> subscribers, IReadOnlyList<MemberId>? eventSubscribers = null)
    {
        for (int i = 0; i < sentinels.Count; i++)
        {
            if (sentinels[i] != this)
            {
                _peers.Add(new InstanceView(sentinels[i].Id, sentinels[i].Name, Sim.Now, reportedPrimary: false));
            }
        }

        _subscribers.AddRange(subscribers);
        _eventSubscribers.AddRange(eventSubscribers ?? []);
        ResetMaster(master);
        _timer = Sim.Start(Name + "/timer", RunTimer);
    }

    /// <summary><c>SENTINEL FAILOVER mymaster</c>: a forced failover that needs no agreement (planned replacement).</summary>
    public bool RequestManualFailover()
    {
        if (_failoverInProgress || SelectReplica() is null)
        {
            return false;
        }

        StartFailover(forced: true);
        return true;
    }

    /// <summary>Stops the Sentinel process for good (its host lost power).</summary>
    public void PowerOff()
    {
        _timer?.Stop();
        SetHost(HostState.PoweredOff);
    }

    /// <summary>
    /// sentinelTimer: runs at hz = 10 + rand() % 10 per second, re-drawn every tick so Sentinels drift apart
    /// (docs/sources.md §2.1).
    /// </summary>
    private IEnumerable<Wait> RunTimer(Process self)
    {
        while (true)
        {
            int hz = 10 + _random.Next(10);
            yield return Wait.For(SimDuration.FromNanoseconds(SimDuration.NanosecondsPerSecond / hz));
            if (Host == HostState.Up)
            {
                Tick();
            }
        }
    }

    private void Tick()
    {
        HandleInstance(_master, isMaster: true);
        for (int i = 0; i < _replicas.Count; i++)
        {
            HandleInstance(_replicas[i], isMaster: false);
        }

        for (int i = 0; i < _peers.Count; i++)
        {
            HandlePeer(_peers[i]);
        }

        if (_failoverState == FailoverState.UpdateConfig)
        {
            SwitchToPromoted();
        }
    }

    /// <inheritdoc />
    protected internal override void Receive(Message message)
    {
        switch (message)
        {
            case PongReply:
                OnPong(FindInstance(message.From));
                break;
            case InfoReply info:
                OnInfo(info);
                break;
            case PingCommand:
                Send(message.From, new PongReply());
                break;
            case SentinelHello hello:
                OnHello(hello);
                break;
            case IsMasterDownRequest ask:
                OnIsMasterDownRequest(ask);
                break;
            case IsMasterDownReply reply:
                OnIsMasterDownReply(reply);
                break;
            case GetMasterAddrRequest:
                // node-redis reads SENTINEL MASTER's flags; the leader alone flags its failover in progress.
                Send(message.From, new GetMasterAddrReply(AdvertisedMaster, !_master.Sdown && _failoverState == FailoverState.None));
                break;
            case ConnectionReset reset:
                OnLinkReset(FindInstance(message.From), reset);
                break;
            default:
                Invariant.Fail("unexpected message at a Sentinel: " + message.Describe());
                break;
        }
    }

    private InstanceView? FindInstance(MemberId member) => FindNodeInstance(member) ?? FindPeer(member);

    private InstanceView? FindNodeInstance(MemberId member)
    {
        if (_master.Member == member)
        {
            return _master;
        }

        for (int i = 0; i < _replicas.Count; i++)
        {
            if (_replicas[i].Member == member)
            {
                return _replicas[i];
            }
        }

        return null;
    }

    private InstanceView? FindPeer(MemberId member)
    {
        for (int i = 0; i < _peers.Count; i++)
        {
            if (_peers[i].Member == member)
            {
                return _peers[i];
            }
        }

        return null;
    }

    private string NodeName(MemberId member) => Network.Members[member.Value].Name;

    private void Emit(string kind, string detail)
    {
        _recorder.Event(Name, kind, kind + " " + detail);
        if (_eventSubscribers.Count > 0 && kind is "+sdown" or "-sdown" or "+odown" or "-odown" or "+slave" or "+sentinel" or "+slave-reconf-done")
        {
            for (int i = 0; i < _eventSubscribers.Count; i++)
            {
                Send(_eventSubscribers[i], new SentinelEventNotice(kind));
            }
        }
    }

    private void PublishToClients(MemberId oldMaster, MemberId newMaster)
    {
        for (int i = 0; i < _subscribers.Count; i++)
        {
            Send(_subscribers[i], new SwitchMasterNotice(oldMaster, newMaster));
        }
    }
}
