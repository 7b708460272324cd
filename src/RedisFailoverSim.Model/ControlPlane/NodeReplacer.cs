using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>
/// A managed service's node replacement on its own: a node down for the replacement delay is started again (it stands
/// for the replacement node, empty), once its AZ has power. MemoryDB uses it; its nodes restore from the log.
/// </summary>
public sealed class NodeReplacer
{
    private static readonly SimDuration CheckPeriod = SimDuration.FromSeconds(1);

    private readonly Simulation _simulation;
    private readonly IReadOnlyList<RedisNode> _nodes;
    private readonly SimDuration _delay;
    private readonly AzPowerState _azPower;
    private readonly RunRecorder _recorder;
    private readonly string _label;
    private readonly SimTime[] _downSince;

    /// <summary>Creates the replacer of a set of nodes.</summary>
    public NodeReplacer(Simulation simulation, IReadOnlyList<RedisNode> nodes, SimDuration delay, AzPowerState azPower, RunRecorder recorder, string label)
    {
        _simulation = simulation;
        _nodes = nodes;
        _delay = delay;
        _azPower = azPower;
        _recorder = recorder;
        _label = label;
        _downSince = new SimTime[nodes.Count];
        Array.Fill(_downSince, SimTime.MaxValue);
    }

    /// <summary>Starts checking once a second.</summary>
    public void Start() => _simulation.Start(_label + "/replacer", RunChecks);

    private IEnumerable<Wait> RunChecks(Process self)
    {
        while (true)
        {
            yield return Wait.For(CheckPeriod);
            var now = _simulation.Now;
            for (int i = 0; i < _nodes.Count; i++)
            {
                var node = _nodes[i];
                if (node.Host is not (HostState.ProcessDown or HostState.PoweredOff))
                {
                    _downSince[i] = SimTime.MaxValue;
                    continue;
                }

                if (_downSince[i] == SimTime.MaxValue)
                {
                    _downSince[i] = now;
                }
                else if (now - _downSince[i] >= _delay && !_azPower.IsOff(node.AzIndex))
                {
                    _downSince[i] = SimTime.MaxValue;
                    _recorder.Event(_label, "control-plane", $"{_label}: replacement for {node.Name} launched in {node.Network.Azs[node.AzIndex]}");
                    node.Restart();
                }
            }
        }
    }
}
