using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Finds, as the run goes, the first acknowledgement by the node of the first promotion at or after the first fault
/// (the client-observed end of the failover), without keeping acknowledgements: they arrive in time order, so the
/// first one seen after the promotion is the earliest, except one made at the promotion's own instant before the
/// promotion was recorded, which the node's last acknowledgement instant reveals.
/// </summary>
internal sealed class FirstAckTracker
{
    private readonly RunRecorder _recorder;
    private readonly long? _faultStart;
    private readonly long[] _lastAck;
    private int _cursor;
    private int _node = -1;
    private long _promotedAt;

    public FirstAckTracker(RunRecorder recorder, long? faultStart, int nodeCount)
    {
        _recorder = recorder;
        _faultStart = faultStart;
        _lastAck = new long[nodeCount];
        Array.Fill(_lastAck, long.MinValue);
    }

    /// <summary>
    /// For one shard of a cluster: the node-to-shard map and the shard whose promotions count (null: every promotion).
    /// </summary>
    public (IReadOnlyList<int> NodeShards, int Shard)? Shard { get; init; }

    /// <summary>The instant found, or null.</summary>
    public long? Found { get; private set; }

    /// <summary>A write was acknowledged by <paramref name="node"/> (-1: not a node) at <paramref name="at"/>.</summary>
    /// <returns>True when this found the instant.</returns>
    public bool OnAcknowledged(int node, long at)
    {
        bool found = false;
        if (Found is null && _faultStart is not null)
        {
            found = Discover();
            if (!found && _node >= 0 && node == _node && at >= _promotedAt)
            {
                Found = at;
                found = true;
            }
        }

        if (node >= 0)
        {
            Invariant.Holds(at >= _lastAck[node]);
            _lastAck[node] = at;
        }

        return found;
    }

    /// <summary>At the end of the run: a promotion recorded after the last acknowledgement is looked at too.</summary>
    /// <returns>True when this found the instant.</returns>
    public bool Finish() => Found is null && _faultStart is not null && Discover();

    /// <summary>Looks for the first promotion at or after the fault among those recorded since the last look.</summary>
    private bool Discover()
    {
        var promotions = _recorder.Promotions;
        while (_node < 0 && _cursor < promotions.Count)
        {
            var (node, at) = promotions[_cursor++];
            if (at >= _faultStart!.Value && (Shard is not { } only || only.NodeShards[node] == only.Shard))
            {
                _node = node;
                _promotedAt = at;

                // Acknowledgements after the promotion's instant would have found it already: only one at that very
                // instant, handled before the promotion was recorded, can be the node's last one.
                if (_lastAck[node] >= at)
                {
                    Found = _lastAck[node];
                    return true;
                }
            }
        }

        return false;
    }
}
