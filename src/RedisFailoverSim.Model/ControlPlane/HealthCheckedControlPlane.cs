using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// What both managed control planes share (<see cref="ManagedControlPlane"/> for a single primary endpoint,
/// <see cref="ClusterControlPlane"/> beside a cluster bus): a regional member that sends every node it manages an INFO
/// health check each interval, keeps each node's last answer, and says when a declared-failed node answers again; each
/// round it runs the subclass's <see cref="Evaluate"/> (docs/sources.md §4.2, ASSUMPTION A33, A15, A16).
/// </summary>
public abstract class HealthCheckedControlPlane : Member
{
    private protected readonly ControlPlaneOptions _options;
    private protected readonly IReadOnlyList<RedisNode> _nodes;
    private protected readonly RunRecorder _recorder;
    private protected readonly AzPowerState _azPower;
    private protected readonly SimTime[] _lastReply;
    private protected readonly InfoReply?[] _lastInfo;
    private protected readonly bool[] _failed;
    private protected readonly SimTime[] _replacementDue;
    private protected readonly string?[] _rebootingRunId;
    private SimDuration _phase;

    private protected HealthCheckedControlPlane(
        SimNetwork network, string name, ControlPlaneOptions options, IReadOnlyList<RedisNode> nodes, RunRecorder recorder, AzPowerState azPower)
        : base(network, name, azIndex: -1)
    {
        _options = options;
        _nodes = nodes;
        _recorder = recorder;
        _azPower = azPower;
        _lastReply = new SimTime[nodes.Count];
        _lastInfo = new InfoReply?[nodes.Count];
        _failed = new bool[nodes.Count];
        _replacementDue = new SimTime[nodes.Count];
        _rebootingRunId = new string?[nodes.Count];
    }

    /// <inheritdoc />
    protected internal sealed override void Receive(Message message)
    {
        switch (message)
        {
            case InfoReply info:
                OnInfo(info);
                break;
            case ConnectionReset:
                // A dead process's kernel refused the health check: it simply goes unanswered.
                break;
            default:
                Invariant.Fail("unexpected message at a control plane: " + message.Describe());
                break;
        }
    }

    /// <summary>Starts the health checks, every node heard from now; the first round comes after <paramref name="phase"/>.</summary>
    private protected void StartHealthChecks(SimDuration phase)
    {
        _phase = phase;
        for (int i = 0; i < _nodes.Count; i++)
        {
            _lastReply[i] = Sim.Now;
            _replacementDue[i] = SimTime.MaxValue;
        }

        Sim.Start(Name + "/health-checks", RunHealthChecks);
    }

    /// <summary>Once per health-check round, before the next checks go out.</summary>
    private protected abstract void Evaluate();

    /// <summary>A node declared failed answered again: what else the subclass forgets about it.</summary>
    /// <param name="i">The node's index.</param>
    private protected virtual void OnAnswersAgain(int i)
    {
    }

    private protected bool IsFresh(int i) => Sim.Now - _lastReply[i] <= _options.HealthCheckInterval * 2;

    private protected int IndexOf(MemberId member)
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Id == member)
            {
                return i;
            }
        }

        Invariant.Fail("a control plane heard from a member it does not manage");
        return -1;
    }

    /// <summary>
    /// ASSUMPTION A19 (A90 for the delay): what becomes of a primary declared failed that still runs. Fencing none leaves
    /// it running (<paramref name="notFenced"/> says what follows); power-off with no delay takes it offline out of band
    /// now (<paramref name="atOnce"/> says when); with a delay it keeps acknowledging until then, and is taken offline
    /// only if it still acts as a primary and <paramref name="stillToFence"/> holds.
    /// </summary>
    private protected void ApplyFencing(RedisNode node, string notFenced, string atOnce, string afterDelay, Func<bool> stillToFence)
    {
        if (_options.Fencing == Specs.Fencing.None)
        {
            Emit($"{node.Name} still runs and is not fenced (fencing: none): {notFenced}");
        }
        else if (_options.FencingDelay == SimDuration.Zero)
        {
            Fence(node, atOnce);
        }
        else
        {
            Sim.Start(Name + "/fencing", _ => FenceAfterDelay(node, afterDelay, stillToFence));
        }
    }

    private protected void Emit(string text) => _recorder.Event(Name, "control-plane", _options.Label + ": " + text);

    private IEnumerable<Wait> FenceAfterDelay(RedisNode node, string afterDelay, Func<bool> stillToFence)
    {
        yield return Wait.For(_options.FencingDelay);
        if (node.Host is HostState.Up or HostState.Paused && node.IsPrimary && stillToFence())
        {
            Fence(node, $"{RunRecorder.Format(_options.FencingDelay)} {afterDelay}");
        }
    }

    private void Fence(RedisNode node, string when)
    {
        node.Crash(powerOff: true);
        Emit($"{node.Name} taken offline {when} (it still ran but failed its health checks)");
    }

    private IEnumerable<Wait> RunHealthChecks(Process self)
    {
        yield return Wait.For(_phase);
        SendHealthChecks();
        while (true)
        {
            yield return Wait.For(_options.HealthCheckInterval);
            Evaluate();
            SendHealthChecks();
        }
    }

    private void SendHealthChecks()
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            Send(_nodes[i].Id, new InfoRequest());
        }
    }

    private void OnInfo(InfoReply info)
    {
        int i = IndexOf(info.From);
        _lastReply[i] = Sim.Now;
        _lastInfo[i] = info;
        if (_rebootingRunId[i] is { } before && info.RunId != before)
        {
            _rebootingRunId[i] = null;
            Emit($"{_nodes[i].Name} is back from its reboot");
        }

        if (_failed[i])
        {
            _failed[i] = false;
            _replacementDue[i] = SimTime.MaxValue;
            OnAnswersAgain(i);
            Emit($"{_nodes[i].Name} answers health checks again");
        }
    }
}
