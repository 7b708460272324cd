using HdrHistogram;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The compact accounting (Metrics/README.md): counts every write as it resolves and remembers acknowledged and unknown
/// writes only as sets of history stamps (<see cref="StampSet"/>, a few intervals per branch), so its memory does not
/// grow with the number of writes. At the end, acknowledged-lost is the acknowledged stamps missing from the final
/// primary's <see cref="Lineage"/>, unknown-present the unknown applied stamps it holds. Latency goes to HdrHistogram;
/// the failure-window histogram, the client-observed failover and the split-brain classification are decided as the
/// run goes (<see cref="FailureWindowLatency"/>, <see cref="FirstAckTracker"/>, <see cref="SplitBrainClock"/>). The
/// exact ledger gives the same numbers; <see cref="SimulationAuditor"/> checks it under <c>--audit</c> and the oracle
/// test checks it on random scenarios.
/// </summary>
public sealed class CompactTally
{
    private readonly StampSet _ackedOutsideSplitBrain = new();
    private readonly StampSet _ackedInSplitBrain = new();
    private readonly StampSet _unknownApplied = new();
    private readonly LongHistogram _latency = LatencyHistograms.New();
    private readonly FailureWindowLatency _window;
    private readonly FirstAckTracker _firstAck;
    private readonly SplitBrainClock _splitBrain;
    private readonly RunRecorder _recorder;
    private readonly long? _faultStart;

    // Acknowledgements of the current instant wait until every change of the instant is recorded.
    private readonly List<long> _instantStamps = [];
    private long _instant = long.MinValue;

    private long _acknowledged;
    private long _failed;
    private long _unknown;

    /// <summary>Creates the tally of one run.</summary>
    /// <param name="recorder">The run's recorder (promotions, faults, who accepts writes).</param>
    /// <param name="faultStart">The first fault's instant (nanoseconds), or null without faults.</param>
    /// <param name="nodeCount">Redis nodes in the world.</param>
    public CompactTally(RunRecorder recorder, long? faultStart, int nodeCount)
    {
        _recorder = recorder;
        _faultStart = faultStart;
        _window = new FailureWindowLatency(recorder, faultStart);
        _firstAck = new FirstAckTracker(recorder, faultStart, nodeCount);
        _splitBrain = new SplitBrainClock(recorder, nodeCount);
    }

    /// <summary>The per-shard split of a cluster run (null: no shards).</summary>
    internal ShardTally? Shards { get; private set; }

    /// <summary>The shards' results once <see cref="Finish"/> ran (null: not a cluster run).</summary>
    public IReadOnlyList<ShardResult>? ShardResults { get; private set; }

    /// <summary>
    /// Splits the tally by shard (a Redis Cluster run): <paramref name="clientShards"/> gives each client's shard,
    /// <paramref name="nodeShards"/> each node's; <paramref name="slotsMove"/> when slots may move to another shard
    /// during the run (a Serverless scale-out, A165). Call before the first write.
    /// </summary>
    public void TrackShards(IReadOnlyList<int> clientShards, IReadOnlyList<int> nodeShards, int shardCount, bool slotsMove = false)
    {
        Invariant.Holds(Shards is null && _acknowledged + _failed + _unknown == 0);
        Shards = new ShardTally(clientShards, nodeShards, shardCount, _recorder, _faultStart) { SlotsMove = slotsMove };
    }

    /// <summary>The WAIT verdicts on acknowledged writes.</summary>
    internal WaitTally Waits { get; } = new();

    /// <summary>The writes sent more than once, and their duplicate applications.</summary>
    internal ResentWrites Resent { get; } = new();

    /// <summary>Intervals held by the stamp sets (a measure of the tally's memory).</summary>
    public int IntervalCount => _ackedOutsideSplitBrain.IntervalCount + _ackedInSplitBrain.IntervalCount + _unknownApplied.IntervalCount;

    /// <summary>A write's outcome became known (<paramref name="stamp"/>: its entry if applied, else none).</summary>
    internal void Resolved(int client, WriteOutcome outcome, long start, long at, int ackedBy, long stamp)
    {
        Shards?.Resolved(client, outcome, Math.Max(1, at - start), at, ackedBy, stamp);
        switch (outcome)
        {
            case WriteOutcome.Ok:
                // A success reply follows the write's application.
                Invariant.Holds(stamp != WriteStamp.None);
                _acknowledged++;
                long latency = Math.Max(1, at - start);
                _latency.RecordValue(latency);
                if (_firstAck.OnAcknowledged(ackedBy, at))
                {
                    _window.Recovered(RecoveryInstant(_firstAck.Found!.Value));
                }

                _window.Record(start, latency, at);
                if (at != _instant)
                {
                    ClassifyInstant(final: false, end: 0);
                    _instant = at;
                }

                _instantStamps.Add(stamp);
                break;
            case WriteOutcome.Failed:
                _failed++;
                break;
            case WriteOutcome.Unknown:
                _unknown++;
                if (stamp != WriteStamp.None)
                {
                    _unknownApplied.Add(stamp);
                }

                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    /// <summary>A write whose outcome was already unknown reached a dataset as <paramref name="stamp"/>.</summary>
    internal void UnknownApplied(long stamp) => _unknownApplied.Add(stamp);

    /// <summary>A write still pending at the end: unknown, and applied if <paramref name="stamp"/> is set.</summary>
    internal void PendingAtEnd(int client, long stamp)
    {
        Shards?.PendingAtEnd(client);
        _unknown++;
        if (stamp != WriteStamp.None)
        {
            _unknownApplied.Add(stamp);
        }
    }

    /// <summary>The totals, given the final datasets (a cluster's shards hold disjoint writes; none: none survived).</summary>
    internal CompactTotals Finish(long attempted, IReadOnlyList<Lineage> finalDatasets, long end)
    {
        if (_firstAck.Finish())
        {
            _window.Recovered(RecoveryInstant(_firstAck.Found!.Value));
        }

        ClassifyInstant(final: true, end: end);
        var present = new StampSet();
        for (int i = 0; i < finalDatasets.Count; i++)
        {
            present.AddAll(finalDatasets[i].ToSet());
        }

        var duplicates = Resent.Finish(present, _ackedInSplitBrain, Shards);
        ShardResults = Shards?.Finish(present, _recorder.NodeNames);
        long splitBrainLost = _ackedInSplitBrain.Count - _ackedInSplitBrain.CountShared(present) - duplicates.NotLostInSplitBrain;
        long lost = _ackedInSplitBrain.Count - _ackedInSplitBrain.CountShared(present)
            + _ackedOutsideSplitBrain.Count - _ackedOutsideSplitBrain.CountShared(present) - duplicates.NotLost;
        Invariant.Holds(_ackedInSplitBrain.Count + _ackedOutsideSplitBrain.Count == _acknowledged);
        var counts = new WriteCounts(attempted, _acknowledged, lost, _failed, _unknown, _unknownApplied.CountShared(present) + duplicates.UnknownPresent)
        {
            Duplicated = duplicates.Duplicated,
            DuplicatedAcknowledged = duplicates.DuplicatedAcknowledged,
            WaitConfirmed = Waits.Confirmed,
            WaitConfirmedLost = Waits.ConfirmedLost(present),
            WaitShort = Waits.Short,
        };
        var inWindow = _window.Finish(_recorder.Faults.Count);
        return new CompactTotals(
            counts,
            splitBrainLost,
            _firstAck.Found,
            LatencyHistograms.Summarize(_latency),
            LatencyHistograms.Summarize(inWindow));
    }

    /// <summary>
    /// The failure window's end by the client-observed recovery: the fault start plus the failover rounded to the
    /// microsecond, exactly as the result computes it.
    /// </summary>
    internal static long RecoveryInstant(long faultStart, long firstAck) =>
        faultStart + (long)Math.Round(Math.Round((firstAck - faultStart) / 1e9, 6) * 1e9);

    private long RecoveryInstant(long firstAck) => RecoveryInstant(_faultStart!.Value, firstAck);

    private void ClassifyInstant(bool final, long end)
    {
        if (_instantStamps.Count == 0)
        {
            return;
        }

        var set = _splitBrain.Contains(_instant, final, end) ? _ackedInSplitBrain : _ackedOutsideSplitBrain;
        foreach (long stamp in _instantStamps)
        {
            set.Add(stamp);
        }

        _instantStamps.Clear();
    }
}
