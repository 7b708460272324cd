using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// Gray failures of a log replica (docs/sources.md §6.2): it keeps answering, but late (a slow member, A167, or a
/// brown-out, A168), after retransmissions (packet loss on its links, A166), or not at all for some appends (a
/// brown-out's drops, A168). Nothing here ever loses a record the replica said was durable, so the quorum's safety is
/// untouched: only when the leader hears back changes.
/// </summary>
public sealed partial class TransactionLogReplica
{
    private readonly List<double> _lossRates = [];
    private readonly List<double> _dropRates = [];
    private RandomStream? _gray;
    private long _extraAnswerDelay;
    private double _lossRate;
    private SimDuration _retransmitFirst;
    private double _dropRate;

    // Per sender (by MemberId), when the last message held back by a retransmission is delivered: TCP delivers in
    // order, so what arrives behind a lost segment waits for it. Empty until the first gray failure.
    private long[] _inboundFreeAt = [];

    /// <summary>Appends a brown-out dropped (never stored, never answered).</summary>
    public long AppendsDropped { get; private set; }

    /// <summary>Messages to or from this replica that needed at least one retransmission.</summary>
    public long Retransmitted { get; private set; }

    /// <summary>True once a gray failure gave the replica its random stream.</summary>
    public bool HasGrayStream => _gray is not null;

    /// <summary>Gives the replica the stream its gray failures draw from (once per run, before the first).</summary>
    public void UseGrayStream(RandomStream stream)
    {
        Invariant.Holds(_gray is null);
        _gray = stream;
        _inboundFreeAt = new long[Network.Members.Count];
    }

    /// <summary>Adds (or, negative, removes) delay to every answer to an append or claim (A167, A168).</summary>
    public void AddAnswerDelay(SimDuration extra)
    {
        _extraAnswerDelay += extra.Nanoseconds;
        Invariant.Holds(_extraAnswerDelay >= 0);
    }

    /// <summary>
    /// Starts losing each transmission to or from the replica with <paramref name="rate"/>, a lost one sent again after
    /// <paramref name="retransmitAfter"/> (A166; with overlapping losses the latest one's).
    /// </summary>
    public void AddPacketLoss(double rate, SimDuration retransmitAfter)
    {
        Invariant.Holds(_gray is not null && rate > 0 && rate < 1 && retransmitAfter > SimDuration.Zero);
        _retransmitFirst = retransmitAfter;
        _lossRates.Add(rate);
        _lossRate = Combined(_lossRates);
    }

    /// <summary>Ends a packet loss started by <see cref="AddPacketLoss"/>.</summary>
    public void RemovePacketLoss(double rate)
    {
        Invariant.Holds(_lossRates.Remove(rate));
        _lossRate = Combined(_lossRates);
    }

    /// <summary>Starts dropping <paramref name="rate"/> of the appends that arrive (A168).</summary>
    public void AddAppendDrops(double rate)
    {
        Invariant.Holds(_gray is not null && rate > 0 && rate <= 1);
        _dropRates.Add(rate);
        _dropRate = Combined(_dropRates);
    }

    /// <summary>Ends drops started by <see cref="AddAppendDrops"/>.</summary>
    public void RemoveAppendDrops(double rate)
    {
        Invariant.Holds(_dropRates.Remove(rate));
        _dropRate = Combined(_dropRates);
    }

    /// <summary>Independent losses: a message gets through only if every one of them lets it.</summary>
    private static double Combined(List<double> rates)
    {
        double through = 1;
        foreach (double rate in rates)
        {
            through *= 1 - rate;
        }

        return 1 - through;
    }

    /// <summary>
    /// True when the message is delivered later: its segment was lost and is resent after the RTO (A166), or it
    /// waits behind an earlier one that was (in-order delivery).
    /// </summary>
    private bool HoldsBack(Message message)
    {
        long now = Sim.Now.Nanoseconds;
        int from = message.From.Value;
        long deliverAt = now + (_lossRate > 0 ? LossPenalty() : 0);
        if (_inboundFreeAt[from] >= deliverAt)
        {
            deliverAt = _inboundFreeAt[from] + 1;
        }

        if (deliverAt == now)
        {
            return false;
        }

        _inboundFreeAt[from] = deliverAt;
        Sim.ScheduleAt(new SimTime(deliverAt), this, _incarnation, new DelayedArrival(message));
        return true;
    }

    /// <summary>The delay of one transmission to or from the replica under packet loss (A166).</summary>
    private long LossPenalty()
    {
        long penalty = LogRetransmission.DelayNanoseconds(_retransmitFirst, _gray!, _lossRate);
        Retransmitted += penalty > 0 ? 1 : 0;
        return penalty;
    }

    /// <summary>A message held back by a retransmission, delivered at its time.</summary>
    private sealed class DelayedArrival(Message message)
    {
        public Message Message { get; } = message;
    }
}
