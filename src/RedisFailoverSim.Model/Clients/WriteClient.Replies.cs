using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The reply policy: what each error reply and a reset do to the connection (<see cref="ClientSettings.OnReadOnly"/>
/// and its siblings), whether a new connection's role is checked, and whether <c>+switch-master</c> moves the client.
/// </summary>
public sealed partial class WriteClient
{
    private void OnWriteReply(WriteReply reply)
    {
        if (IgnoresReply(reply))
        {
            return;
        }

        if (reply.From == _target)
        {
            _lastHeard = Sim.Now;
            StopTcpClock();
        }

        if (_tracking && Find(reply.From) is { } connection)
        {
            connection.LastRead = Sim.Now;
        }

        if (reply.Kind == ReplyKind.Ok)
        {
            long stamp = StampBeforeAck(reply);
            if (_ledger.Resolve(reply.WriteId, WriteOutcome.Ok, Sim.Now, _nodeIndexOf(reply.AckedBy.IsSome ? reply.AckedBy : reply.From)))
            {
                Acknowledged(reply, stamp);
            }

            return;
        }

        if (reply.Kind == ReplyKind.Moved)
        {
            OnMoved(reply);
            return;
        }

        if (!TryScheduleRetry(reply.WriteId, reply.Kind))
        {
            _ledger.Resolve(reply.WriteId, WriteOutcome.Failed, Sim.Now);
        }

        var action = reply.Kind switch
        {
            ReplyKind.ReadOnly => _settings.OnReadOnly,
            ReplyKind.NoReplicas => _settings.OnNoReplicas,
            ReplyKind.Loading => _settings.OnLoading,
            ReplyKind.ClusterDown => _settings.OnClusterDown,
            ReplyKind.Error => _settings.OnOtherError,
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        if (action == Specs.ConnectionAction.Keep)
        {
            return;
        }

        if (_tracking && reply.Kind == ReplyKind.ReadOnly && action == Specs.ConnectionAction.Rediscover)
        {
            // StackExchange.Redis treats -READONLY as a topology change and reconfigures.
            OnReadOnly(reply.From);
            return;
        }

        ActOnConnection(action, reply.From, $"got -{ErrorWord(reply.Kind)} from {Network.Members[reply.From.Value].Name}");
    }

    /// <summary>
    /// Closes the connection to <paramref name="node"/> (if writes are routed on it): <see cref="ConnectionAction.Drop"/>
    /// reconnects after the reconnect delay, <see cref="ConnectionAction.Rediscover"/> looks for the primary at once.
    /// Connected to every node, Drop closes that node's connection and Rediscover re-checks every node's role.
    /// </summary>
    private void ActOnConnection(ConnectionAction action, MemberId node, string why)
    {
        if (_tracking)
        {
            if (action == Specs.ConnectionAction.Rediscover)
            {
                _recorder.Event(Name, "client", $"{Name} {why}: reconfiguring");
                Reconfigure(why);
            }
            else if (action == Specs.ConnectionAction.Drop && Find(node) is { State: ClientConnectionState.Connected } n)
            {
                _recorder.Event(Name, "client", $"{Name} {why}: dropping the connection");
                LoseConnection(n, why);
            }

            return;
        }

        if (node != _target || State != ClientConnectionState.Connected)
        {
            return;
        }

        if (action == Specs.ConnectionAction.Rediscover)
        {
            _recorder.Event(Name, "client", $"{Name} {why}: rediscovering the primary");
            Disconnect(WriteOutcome.Unknown);
            StartDiscovery();
        }
        else if (action == Specs.ConnectionAction.Drop)
        {
            DropConnection(why);
        }
    }

    private static string ErrorWord(ReplyKind kind) => kind switch
    {
        ReplyKind.ReadOnly => "READONLY",
        ReplyKind.NoReplicas => "NOREPLICAS",
        ReplyKind.Loading => "LOADING",
        ReplyKind.Error => "ERR",
        ReplyKind.ClusterDown => "CLUSTERDOWN",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private void OnRoleReply(RoleReply role)
    {
        // A client being created asks every node its role (primary-discovery: fixed-at-creation).
        if (_discovery.TryHandle(role))
        {
            return;
        }

        if (_tracking)
        {
            OnNodeRole(role);
            return;
        }

        if (role.From != _target || State != ClientConnectionState.Connecting)
        {
            return;
        }

        string name = Network.Members[role.From.Value].Name;
        if (!role.IsPrimary)
        {
            if (_settings.RoleCheckOnConnect)
            {
                Disconnect(WriteOutcome.Unknown);
                ScheduleRetry();
                return;
            }

            // Without a role check the client writes to whatever it reached (a replica answers -READONLY).
            BecomeConnected(role.From, $"{Name} connected to {name} without checking its role");
            return;
        }

        BecomeConnected(role.From, $"{Name} connected to primary {name}");
    }

    private void OnSwitchMaster(SwitchMasterNotice notice)
    {
        if (RediscoversOnEvents)
        {
            // node-redis: +switch-master is one more event that runs #reset (docs/sources.md §11.18).
            OnSentinelEvent("+switch-master", notice.From);
            return;
        }

        // With a connection to every node (assumption A37) +switch-master changes nothing: StackExchange.Redis's
        // SwitchPrimary reconfigures only for a primary it does not know yet, and the client knows every node.
        if (_tracking || !_settings.FollowSwitchMaster || notice.NewMaster == _target || !HearsSwitchFrom(notice.From))
        {
            return;
        }

        _recorder.Event(Name, "client", $"{Name} got +switch-master → {Network.Members[notice.NewMaster.Value].Name}");
        Disconnect(WriteOutcome.Unknown);
        ConnectTo(notice.NewMaster);
    }

    /// <summary>
    /// node-redis keeps one Sentinel client for its pub/sub, the one it last got the master from (docs/sources.md
    /// §11.16); a client subscribed on every Sentinel hears each.
    /// </summary>
    private bool HearsSwitchFrom(MemberId sentinel) =>
        _settings.SwitchMasterFrom == Specs.SwitchMasterSource.EverySentinel || sentinel == _discovery.AnsweringSentinel;

    private void OnConnectionReset(ConnectionReset reset)
    {
        if (_discovery.TryHandle(reset))
        {
            return;
        }

        if (_tracking)
        {
            OnNodeReset(reset);
            return;
        }

        if (reset.From != _target || State is ClientConnectionState.Disconnected or ClientConnectionState.Discovering)
        {
            return;
        }

        // A refused connect is a failed attempt, retried after the reconnect delay; on-reset: rediscover acts only
        // on an established connection that was closed.
        bool refused = State == ClientConnectionState.Connecting;
        Disconnect(WriteOutcome.Unknown);
        if (_settings.OnReset == Specs.ConnectionAction.Rediscover && !refused)
        {
            StartDiscovery();
        }
        else
        {
            ScheduleRetry();
        }
    }
}
