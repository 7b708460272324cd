using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// <c>clusterUpdateState</c> and the refusals of <c>getNodeByQuery</c>: -CLUSTERDOWN while the state is FAIL, -MOVED
/// for a slot another node serves (docs/sources.md §3.2, §3.5).
/// </summary>
public sealed partial class ClusterBusAgent
{
    private const long WritableDelay = 2_000_000_000;
    private const long MinRejoinDelay = 500_000_000;
    private const long MaxRejoinDelay = 5_000_000_000;
    private bool _stateOk;
    private long _firstCallTime;
    private long _amongMinorityTime;

    /// <inheritdoc />
    public bool TryRefuse(WriteRequest write)
    {
        if (!_stateOk)
        {
            _node.ReplyToWrite(write, ReplyKind.ClusterDown, MemberId.None);
            return true;
        }

        int owner = _owner[ShardOfSlot(write.Slot)];
        if (owner != _me)
        {
            _node.ReplyToWrite(write, ReplyKind.Moved, _nodes[owner].Id);
            return true;
        }

        return false;
    }

    private void UpdateState()
    {
        long now = _sim.Now.Nanoseconds;
        if (_firstCallTime == NoTime)
        {
            _firstCallTime = now;
        }

        bool primary = _node.IsPrimary;
        if (primary && !_stateOk && now - _firstCallTime < WritableDelay)
        {
            return;
        }

        bool ok = true;
        int reachable = 0;
        for (int s = 0; s < _shardCount; s++)
        {
            var flags = _owner[s] == _me ? PeerFlags.None : _flags[_owner[s]];
            if (_settings.RequireFullCoverage && (flags & PeerFlags.Failing) != 0)
            {
                ok = false;
            }

            reachable += (flags & (PeerFlags.PossiblyFailing | PeerFlags.Failing)) == 0 ? 1 : 0;
        }

        if (reachable < (_shardCount / 2) + 1)
        {
            ok = false;
            _amongMinorityTime = now;
        }

        if (ok == _stateOk)
        {
            return;
        }

        long rejoinDelay = Math.Clamp(_nodeTimeout, MinRejoinDelay, MaxRejoinDelay);
        if (ok && primary && _amongMinorityTime != NoTime && now - _amongMinorityTime < rejoinDelay)
        {
            return;
        }

        _stateOk = ok;
        _recorder.ClusterState(_me, ok);
        Log("Cluster state changed: " + (ok ? "ok" : "fail"));
        _node.RefreshState();
    }
}
