using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// One AZ's Serverless proxy (docs/sources.md §5: a proxy fleet across AZs in front of the shards). Clients connect to it
/// as if it were the primary (all slots appear owned by one virtual node); it admits each write against the cache's
/// ECPU capacity, forwards it to the shard primary its route names, and relays the answer (an engine error such as
/// <c>-READONLY</c> reaches the client as a plain error, so clients never need to rediscover). With the shards of a
/// cluster behind it, it gives each write its key (A164), holds each slot to its ceiling (A163), and absorbs the
/// <c>-ASK</c> and <c>-MOVED</c> a slot migration causes by re-sending the write where the node points (A162): the
/// client sees a longer write, never the redirection. When a shard's primary resets the connection it holds that shard's
/// writes until the route names a new primary and re-sends them there (A169, <c>ServerlessProxy.Hold.cs</c>).
/// </summary>
public sealed partial class ServerlessProxy : Member, IEventTarget, IPoweredService
{
    private readonly ServerlessCapacity _capacity;
    private readonly ServiceSlotMap _routes;
    private readonly double _ecpusPerWrite;
    private readonly ServerlessKeys? _keys;
    private readonly SlotCeiling? _ceiling;
    private long _incarnation;

    /// <summary>Creates the proxy of an AZ.</summary>
    /// <param name="network">The network.</param>
    /// <param name="name">Its name, e.g. <c>proxy-az-a</c>.</param>
    /// <param name="azIndex">Its AZ.</param>
    /// <param name="capacity">The cache's capacity, shared by every proxy.</param>
    /// <param name="routes">Each shard's primary to forward to, by shard (one shard unless the scenario has a cluster).</param>
    /// <param name="ecpusPerWrite">ECPUs one write costs: max(1, KB transferred) (docs/sources.md §5).</param>
    /// <param name="failover">What it needs to hold and re-send a failed shard's writes (A169, A170).</param>
    /// <param name="keys">The keys it gives the writes of a cluster's connections (A164), or null.</param>
    /// <param name="ceiling">The slots' ceiling, shared by every proxy (A163), or null.</param>
    public ServerlessProxy(
        SimNetwork network,
        string name,
        int azIndex,
        ServerlessCapacity capacity,
        ServiceSlotMap routes,
        double ecpusPerWrite,
        ProxyFailover failover,
        ServerlessKeys? keys = null,
        SlotCeiling? ceiling = null)
        : base(network, name, azIndex)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(failover);
        _capacity = capacity;
        _routes = routes;
        _failover = failover;
        routes.WhenRepointed(OnRepointed);
        _ecpusPerWrite = ecpusPerWrite;
        _keys = keys;
        _ceiling = ceiling;
    }

    /// <summary>Writes a node redirected (-ASK or -MOVED) and this proxy re-sent.</summary>
    public long WritesRedirected { get; private set; }

    /// <inheritdoc />
    public void PowerOff()
    {
        _incarnation++;
        ForgetHeld();
        SetHost(HostState.PoweredOff);
    }

    /// <inheritdoc />
    public void PowerOn() => SetHost(HostState.Up);

    /// <inheritdoc />
    protected internal override void Receive(Message message)
    {
        switch (message)
        {
            case RoleRequest:
                Send(message.From, new RoleReply(isPrimary: true));
                break;
            case WriteRequest write:
                Admit(write);
                break;
            case WriteReply reply:
                Relay(reply);
                break;
            case ConnectionReset reset:
                OnShardReset(reset);
                break;
            default:
                Invariant.Fail("unexpected message at a Serverless proxy: " + message.Describe());
                break;
        }
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (token != _incarnation || Host != HostState.Up)
        {
            return;
        }

        if (payload is WriteRequest write)
        {
            Forward(write);
            return;
        }

        if (ReferenceEquals(payload, RetryMarker))
        {
            RetryHeld();
            return;
        }

        ExpireHeld();
    }

    private void Admit(WriteRequest write)
    {
        if (_keys is not null && write.Slot >= 0 && write.Key < 0 && _keys.KeyOf(write.WriteId, write.Slot) is var key and >= 0)
        {
            write.Key = key;
            write.Slot = _keys.SlotOf(key);
        }

        var slotWait = SimDuration.Zero;
        if (_ceiling is not null && write.Key >= 0)
        {
            slotWait = _ceiling.WaitAt(write.Slot, Sim.Now);
            if (slotWait > _capacity.ThrottleAfter)
            {
                // ASSUMPTION A163: a slot past its ceiling throttles as the cache does past its capacity (A22).
                _capacity.Throttle();
                Send(write.From, new WriteReply(write.WriteId, ReplyKind.Error));
                return;
            }
        }

        if (!_capacity.TryAdmit(_ecpusPerWrite, out var wait))
        {
            // ASSUMPTION A22: beyond the queue's bound the request is throttled with an error at once.
            Send(write.From, new WriteReply(write.WriteId, ReplyKind.Error));
            return;
        }

        if (_ceiling is not null && write.Key >= 0)
        {
            _ceiling.Charge(write.Slot, Sim.Now, _ecpusPerWrite);
            wait = wait > slotWait ? wait : slotWait;
        }

        if (wait.Nanoseconds == 0)
        {
            Forward(write);
            return;
        }

        Sim.Schedule(wait, this, _incarnation, write);
    }

    private void Forward(WriteRequest write)
    {
        // All slots appear owned by this one virtual node (docs/sources.md §5); the proxy sends each write to the shard
        // that serves its slot (ASSUMPTION A152), at the node its route names now, whatever partition cuts this proxy
        // off from the control plane (ASSUMPTION A175).
        var primary = _routes.OwnerOf(write.Slot < 0 || _routes.ShardCount == 1 ? 0 : _routes.ShardOfSlot(write.Slot));
        if (!primary.IsSome)
        {
            Send(write.From, new WriteReply(write.WriteId, ReplyKind.Error));
            return;
        }

        // The delivered request is forwarded as is: the network re-addresses it from this proxy, and the node echoes
        // the client it came from.
        write.Origin = write.From;
        SendToShard(primary, write, HeldUntilNone);
    }

    private void Relay(WriteReply reply)
    {
        if (reply.Kind is ReplyKind.Ask or ReplyKind.Moved && reply.Request is { } request && reply.RedirectTo.IsSome)
        {
            // ASSUMPTION A162: the proxy follows the redirection itself (ASKING first for -ASK) and the client waits.
            WritesRedirected++;
            request.Asking = reply.Kind == ReplyKind.Ask;
            SendToShard(reply.RedirectTo, request, HeldUntilNone);
            return;
        }

        if (_inFlight.Remove(reply.WriteId, out var sent) && sent.HeldUntil != HeldUntilNone && reply.Kind == ReplyKind.ReadOnly
            && TryRetryLater(sent))
        {
            return;
        }

        bool ok = reply.Kind == ReplyKind.Ok;
        Invariant.Holds(reply.Origin.IsSome);
        Send(reply.Origin, new WriteReply(reply.WriteId, ok ? ReplyKind.Ok : ReplyKind.Error)
        {
            AckedBy = ok ? reply.From : MemberId.None,
        });
    }
}
