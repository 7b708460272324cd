using HdrHistogram;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The latency histogram of acknowledged writes that started inside the failure window, built as the run goes
/// although the window's end is known only at the end: the later of the last heal and the client-observed recovery
/// (fault start + the rounded client-observed failover). Most writes are decided when acknowledged: before the first
/// fault (out), while a fault is active or before the last heal so far (in: the end can only move later), or once the
/// recovery is known. The others (after every heal so far, recovery not yet seen) wait in one segment per number of
/// faults started: a later fault puts them all in (it ends after they started); otherwise they are in exactly when
/// they started by the recovery, which comes after they were acknowledged, so all but the last microsecond of them
/// are in if a recovery comes at all. That microsecond's few writes keep their exact start.
/// </summary>
internal sealed class FailureWindowLatency
{
    // The client-observed failover is rounded to the microsecond: the recovery instant is within half of it of the
    // acknowledgement that defines it.
    private const long RoundingSlackNanoseconds = 1_000;

    private readonly RunRecorder _recorder;
    private readonly long? _faultStart;
    private readonly LongHistogram _inWindow = LatencyHistograms.New();
    private readonly List<Segment> _segments = [];
    private long? _recoveredAt;

    public FailureWindowLatency(RunRecorder recorder, long? faultStart)
    {
        _recorder = recorder;
        _faultStart = faultStart;
    }

    /// <summary>An acknowledged write that started at <paramref name="start"/>, acknowledged at <paramref name="at"/>.</summary>
    public void Record(long start, long latency, long at)
    {
        if (_faultStart is not { } faultStart || start < faultStart)
        {
            return;
        }

        var faults = _recorder.Faults;
        long lastHeal = long.MinValue;
        bool active = false;
        for (int i = 0; i < faults.Count; i++)
        {
            if (faults[i].To is { } to)
            {
                lastHeal = Math.Max(lastHeal, to);
            }
            else
            {
                active = true;
            }
        }

        if (active || start <= lastHeal || (_recoveredAt is { } recovered && start <= recovered))
        {
            _inWindow.RecordValue(latency);
            return;
        }

        var segment = SegmentFor(faults.Count);
        if (_recoveredAt is not null)
        {
            segment.AfterRecovery.RecordValue(latency);
            return;
        }

        // No recovery yet, so any recovery is at or after this acknowledgement: writes started more than the rounding
        // slack before now are in if one comes.
        segment.Recent.Add((start, latency));
        int keep = 0;
        for (int i = 0; i < segment.Recent.Count; i++)
        {
            if (segment.Recent[i].Start < at - RoundingSlackNanoseconds)
            {
                segment.BeforeRecovery.RecordValue(segment.Recent[i].Latency);
            }
            else
            {
                segment.Recent[keep++] = segment.Recent[i];
            }
        }

        segment.Recent.RemoveRange(keep, segment.Recent.Count - keep);
    }

    /// <summary>The client-observed recovery is known: the window reaches at least <paramref name="recoveredAt"/>.</summary>
    public void Recovered(long recoveredAt)
    {
        _recoveredAt = recoveredAt;
        foreach (var segment in _segments)
        {
            segment.MoveBeforeRecoveryTo(_inWindow);
            foreach (var (start, latency) in segment.Recent)
            {
                // Started after the recovery: in only if a later fault stretches the window.
                (start <= recoveredAt ? _inWindow : segment.AfterRecovery).RecordValue(latency);
            }

            segment.Recent.Clear();
        }
    }

    /// <summary>The histogram, once the run is over with <paramref name="faultsStarted"/> faults started.</summary>
    public LongHistogram Finish(int faultsStarted)
    {
        for (int k = 0; k < _segments.Count; k++)
        {
            if (k >= faultsStarted)
            {
                // No fault started after these writes, and no recovery took them in: outside the window.
                continue;
            }

            var segment = _segments[k];
            segment.AddHistogramsTo(_inWindow);
            foreach (var (_, latency) in segment.Recent)
            {
                _inWindow.RecordValue(latency);
            }
        }

        return _inWindow;
    }

    private Segment SegmentFor(int faultsStarted)
    {
        while (_segments.Count <= faultsStarted)
        {
            _segments.Add(new Segment());
        }

        return _segments[faultsStarted];
    }

    /// <summary>
    /// Undecided writes acknowledged while a given number of faults had started. The histograms are made on first use:
    /// each is a 270 KB array, and most runs need none.
    /// </summary>
    private sealed class Segment
    {
        private LongHistogram? _beforeRecovery;
        private LongHistogram? _afterRecovery;

        public LongHistogram BeforeRecovery => _beforeRecovery ??= LatencyHistograms.New();

        public LongHistogram AfterRecovery => _afterRecovery ??= LatencyHistograms.New();

        public List<(long Start, long Latency)> Recent { get; } = [];

        /// <summary>Adds what was recorded before the recovery to <paramref name="target"/> and forgets it.</summary>
        public void MoveBeforeRecoveryTo(LongHistogram target)
        {
            if (_beforeRecovery is not null)
            {
                target.Add(_beforeRecovery);
                _beforeRecovery = null;
            }
        }

        /// <summary>Adds every histogram of the segment to <paramref name="target"/>.</summary>
        public void AddHistogramsTo(LongHistogram target)
        {
            MoveBeforeRecoveryTo(target);
            if (_afterRecovery is not null)
            {
                target.Add(_afterRecovery);
            }
        }
    }
}
