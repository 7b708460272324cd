namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Follows the "accepts writes as primary" changes as the run records them and answers, for an instant all of whose
/// changes are recorded, whether it lies inside a split-brain interval: two or more nodes accepting writes at once,
/// with the same closed intervals (and the same rule for zero-length ones) as the result's split-brain time. In a
/// cluster, two nodes accepting writes for the same shard.
/// </summary>
internal sealed class SplitBrainClock
{
    private readonly RunRecorder _recorder;
    private readonly bool[] _accepting;
    private readonly List<(long Start, long End)> _closed = [];
    private int _cursor;
    private readonly int[] _countByShard;
    private int _splitShards;
    private long? _since;

    public SplitBrainClock(RunRecorder recorder, int nodeCount)
    {
        _recorder = recorder;
        _accepting = new bool[nodeCount];
        _countByShard = new int[nodeCount];
    }

    /// <summary>
    /// True when <paramref name="instant"/> is inside a split-brain interval. Every change at or before it must be
    /// recorded (time has moved past it, or the run is over: <paramref name="final"/>, ending at
    /// <paramref name="end"/>). Instants are asked about in order.
    /// </summary>
    public bool Contains(long instant, bool final, long end)
    {
        Consume(instant);
        for (int i = _closed.Count - 1; i >= 0 && _closed[i].End >= instant; i--)
        {
            if (_closed[i].Start <= instant)
            {
                return true;
            }
        }

        // An interval open now closes after every change at this instant (later), or is cut at the end of the run,
        // where a zero-length one does not count.
        return _since is { } since && since <= instant && (!final || end > since);
    }

    private void Consume(long upTo)
    {
        var changes = _recorder.AcceptingChanges;
        while (_cursor < changes.Count && changes[_cursor].At <= upTo)
        {
            var (node, at, isAccepting) = changes[_cursor++];
            if (_accepting[node] == isAccepting)
            {
                continue;
            }

            _accepting[node] = isAccepting;
            _splitShards += SplitBrain.Count(_countByShard, _recorder.ShardOf(node), isAccepting);
            if (_splitShards > 0 && _since is null)
            {
                _since = at;
            }
            else if (_splitShards == 0 && _since is { } s)
            {
                if (at > s)
                {
                    _closed.Add((s, at));
                }

                _since = null;
            }
        }
    }
}
