using HdrHistogram;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The compact tally split by shard for a Redis Cluster run: each client connection writes to one shard (A82), so a
/// write's shard is its client's. Per shard it counts outcomes, keeps the acknowledged stamps (lost = those missing
/// from the final datasets, as for the totals), a latency histogram and its own first-acknowledgement tracker (the
/// first promotion of one of the shard's nodes after the fault). Every write lands in exactly one shard, so the shards'
/// counts add up to the totals.
/// </summary>
internal sealed class ShardTally
{
    private readonly int[] _clientShard;
    private readonly IReadOnlyList<int> _nodeShard;
    private readonly long? _faultStart;
    private readonly RunRecorder _recorder;
    private readonly long[] _acknowledged;
    private readonly long[] _failed;
    private readonly long[] _unknown;
    private readonly StampSet[] _ackedStamps;
    private readonly long[] _presentByDuplicate;
    private readonly LongHistogram[] _latency;
    private readonly FirstAckTracker[] _firstAck;

    public ShardTally(IReadOnlyList<int> clientShard, IReadOnlyList<int> nodeShard, int shardCount, RunRecorder recorder, long? faultStart)
    {
        _clientShard = clientShard.ToArray();
        _nodeShard = nodeShard;
        _recorder = recorder;
        _faultStart = faultStart;
        _acknowledged = new long[shardCount];
        _failed = new long[shardCount];
        _unknown = new long[shardCount];
        _ackedStamps = new StampSet[shardCount];
        _presentByDuplicate = new long[shardCount];
        _latency = new LongHistogram[shardCount];
        _firstAck = new FirstAckTracker[shardCount];
        for (int s = 0; s < shardCount; s++)
        {
            _ackedStamps[s] = new StampSet();
            _latency[s] = LatencyHistograms.New();
            _firstAck[s] = new FirstAckTracker(recorder, faultStart, nodeShard.Count) { Shard = (nodeShard, s) };
        }
    }

    /// <summary>
    /// True when slots may move to another shard during the run (a Serverless scale-out, A165): a write still counts
    /// in the shard its connection's slots started on, and a node of another shard may acknowledge it.
    /// </summary>
    public bool SlotsMove { get; init; }

    /// <summary>The shard client <paramref name="client"/> writes to.</summary>
    public int ShardOfClient(int client) => _clientShard[client];

    /// <summary>A write of <paramref name="client"/> resolved (the same call the totals get).</summary>
    public void Resolved(int client, WriteOutcome outcome, long latency, long at, int ackedBy, long stamp)
    {
        int s = _clientShard[client];
        switch (outcome)
        {
            case WriteOutcome.Ok:
                // A connection's slot stays with its shard (A80), so only that shard's nodes acknowledge its writes,
                // unless a scale-out moves slots (A165).
                Invariant.Holds(ackedBy < 0 || SlotsMove || _nodeShard[ackedBy] == s);
                _acknowledged[s]++;
                _ackedStamps[s].Add(stamp);
                _latency[s].RecordValue(latency);
                _firstAck[s].OnAcknowledged(ackedBy, at);
                break;
            case WriteOutcome.Failed:
                _failed[s]++;
                break;
            default:
                _unknown[s]++;
                break;
        }
    }

    /// <summary>A write of <paramref name="client"/> was still pending at the end (unknown).</summary>
    public void PendingAtEnd(int client) => _unknown[_clientShard[client]]++;

    /// <summary>An acknowledged write of <paramref name="client"/> whose first entry is gone survives as a duplicate.</summary>
    public void PresentByDuplicate(int client) => _presentByDuplicate[_clientShard[client]]++;

    /// <summary>The shards' results, given the stamps the final datasets hold.</summary>
    public IReadOnlyList<ShardResult> Finish(StampSet present, IReadOnlyList<string> nodeNames)
    {
        var results = new List<ShardResult>();
        for (int s = 0; s < _acknowledged.Length; s++)
        {
            _firstAck[s].Finish();
            long lost = _ackedStamps[s].Count - _ackedStamps[s].CountShared(present) - _presentByDuplicate[s];
            results.Add(new ShardResult(
                s + 1,
                _acknowledged[s] + _failed[s] + _unknown[s],
                _acknowledged[s],
                lost,
                _failed[s],
                _unknown[s],
                Failover(s, nodeNames),
                LatencyHistograms.Summarize(_latency[s])));
        }

        return results;
    }

    private FailoverMetrics? Failover(int shard, IReadOnlyList<string> nodeNames)
    {
        if (_faultStart is not { } start)
        {
            return null;
        }

        foreach (var (node, at) in _recorder.Promotions)
        {
            if (at >= start && _nodeShard[node] == shard)
            {
                double? clientObserved = _firstAck[shard].Found is { } ack ? Math.Round((ack - start) / 1e9, 6) : null;
                return new FailoverMetrics(clientObserved, Math.Round((at - start) / 1e9, 6), null, nodeNames[node]);
            }
        }

        return null;
    }
}
