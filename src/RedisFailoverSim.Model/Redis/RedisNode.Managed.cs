using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// What a managed service does to a node besides REPLICAOF: rewrite its configuration out of band (a replacement
/// node comes back as a replica of the new primary) and the coordinated <c>FAILOVER</c> of planned replacements
/// (docs/sources.md §1.7): pause writes, wait until the target has the whole stream, swap roles, no acknowledged loss.
/// </summary>
public sealed partial class RedisNode
{
    private Queue<WriteRequest>? _heldWrites;
    private MemberId _failoverTarget = MemberId.None;
    private SimTime _failoverDeadline;

    /// <summary>The master the node's configuration names (none: it starts as a primary).</summary>
    public MemberId ConfiguredMaster => _configuredMaster;

    /// <summary>True while writes are paused for a coordinated failover.</summary>
    public bool CoordinatedFailoverInProgress => _heldWrites is not null;

    /// <summary>
    /// The managed service rewrote the node's configuration, or launched a replacement for it: when its process next
    /// starts it comes back as a replica of <paramref name="master"/> (none: as a primary). A running node is moved
    /// with <see cref="ReplicaOfCommand"/> instead.
    /// </summary>
    public void Reconfigure(MemberId master) => _configuredMaster = master;

    /// <summary><c>FAILOVER TO target</c>: only a primary with the target online as its replica starts one.</summary>
    private void OnFailoverCommand(FailoverCommand command)
    {
        if (!IsPrimary || _heldWrites is not null || !HasOnlineReplica(command.Target))
        {
            _recorder.Event(Name, "failover", $"{Name} refused FAILOVER TO {Network.Members[command.Target.Value].Name}");
            return;
        }

        _heldWrites = new Queue<WriteRequest>();
        _failoverTarget = command.Target;
        _failoverDeadline = Sim.Now + command.Timeout;
        _recorder.Event(Name, "failover", $"{Name} paused writes (CLIENT PAUSE WRITE) for a coordinated failover to {Network.Members[command.Target.Value].Name}");
        Send(command.Target, new ReplGetAck());
    }

    private void OnReplGetAck(Message message)
    {
        if (FromMyMaster(message) && LinkState == MasterLinkState.Up)
        {
            Send(MasterId, Ack());
        }
    }

    /// <summary>The target acknowledged the whole stream: it becomes primary and this node follows it.</summary>
    private void CompleteCoordinatedFailoverIfCaughtUp(ReplAck ack)
    {
        if (_heldWrites is null || ack.From != _failoverTarget || ack.Offset != Offset)
        {
            return;
        }

        var target = _failoverTarget;
        var held = ReleaseHeldWrites();

        // PSYNC FAILOVER: the target promotes itself, then this node resyncs from it (partial, thanks to PSYNC2).
        Send(target, new ReplicaOfCommand(MemberId.None));
        OnReplicaOf(new ReplicaOfCommand(target));
        Drain(held);
    }

    /// <summary>The replica did not catch up in time: the failover is abandoned and writes resume here.</summary>
    private void CheckCoordinatedFailoverTimeout()
    {
        if (_heldWrites is null || Sim.Now < _failoverDeadline)
        {
            return;
        }

        _recorder.Event(Name, "failover", $"{Name} gave up the coordinated failover: the replica did not catch up in time");
        Drain(ReleaseHeldWrites());
    }

    private void AbandonCoordinatedFailover()
    {
        _heldWrites = null;
        _failoverTarget = MemberId.None;
    }

    private Queue<WriteRequest> ReleaseHeldWrites()
    {
        var held = _heldWrites!;
        AbandonCoordinatedFailover();
        return held;
    }

    /// <summary>Processes the writes held during the pause, in arrival order, in the node's new role.</summary>
    private void Drain(Queue<WriteRequest> held)
    {
        while (held.Count > 0)
        {
            OnWrite(held.Dequeue());
        }
    }

    private bool HasOnlineReplica(MemberId replica)
    {
        for (int i = 0; i < _replicas.Count; i++)
        {
            if (_replicas[i].Replica == replica && _replicas[i].Online)
            {
                return true;
            }
        }

        return false;
    }
}
