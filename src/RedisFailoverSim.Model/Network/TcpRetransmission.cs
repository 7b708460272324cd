using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Network;

/// <summary>
/// When Linux gives up on data a peer never acknowledges (docs/sources.md §11.14): the retransmission timeout starts at
/// the connection's RTO and doubles up to TCP_RTO_MAX (120 s); the socket fails with ETIMEDOUT at the first expiry at
/// which the time since the unacknowledged send reaches tcp_model_timeout(tcp_retries2, TCP_RTO_MIN): the time 15
/// retransmissions from a 200 ms RTO would take, 924.6 s by default.
/// </summary>
public static class TcpRetransmission
{
    /// <summary><c>tcp_retries2</c>'s default: 15.</summary>
    public const int DefaultRetries2 = 15;

    /// <summary><c>TCP_RTO_MIN</c>: 200 ms.</summary>
    public static SimDuration RtoMin { get; } = SimDuration.FromMilliseconds(200);

    /// <summary><c>TCP_RTO_MAX</c>: 120 s.</summary>
    public static SimDuration RtoMax { get; } = SimDuration.FromSeconds(120);

    /// <summary>
    /// tcp_model_timeout: ((2 &lt;&lt; t) - 1) x base + (boundary - t) x TCP_RTO_MAX with t = ilog2(TCP_RTO_MAX / base),
    /// or ((2 &lt;&lt; boundary) - 1) x base when boundary &lt;= t.
    /// </summary>
    public static SimDuration Budget(int boundary, SimDuration rtoBase)
    {
        long ratio = RtoMax.Nanoseconds / rtoBase.Nanoseconds;
        int threshold = 63 - (int)long.LeadingZeroCount(ratio);
        return boundary <= threshold
            ? SimDuration.FromNanoseconds(((2L << boundary) - 1) * rtoBase.Nanoseconds)
            : SimDuration.FromNanoseconds((((2L << threshold) - 1) * rtoBase.Nanoseconds) + ((boundary - threshold) * RtoMax.Nanoseconds));
    }

    /// <summary>
    /// The first retransmission at or after <paramref name="elapsed"/> since the oldest unacknowledged send, with an RTO
    /// starting at <paramref name="initialRto"/> and doubling up to TCP_RTO_MAX: false when the socket gives up first
    /// (the first expiry past the tcp_retries2 budget, <see cref="GiveUpAfter"/>, fails it instead of retransmitting).
    /// </summary>
    public static bool TryNextRetransmission(SimDuration elapsed, SimDuration initialRto, out SimDuration at, int retries2 = DefaultRetries2)
    {
        var budget = Budget(retries2, RtoMin);
        at = SimDuration.Zero;
        var rto = initialRto;
        while (at < elapsed || at == SimDuration.Zero)
        {
            at += rto;
            rto = rto + rto < RtoMax ? rto + rto : RtoMax;
            if (at >= budget)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// After the unacknowledged send, when the socket fails: the first retransmission-timer expiry (RTO
    /// <paramref name="initialRto"/>, doubled each time, capped at TCP_RTO_MAX) at or past the budget.
    /// </summary>
    public static SimDuration GiveUpAfter(SimDuration initialRto, int retries2 = DefaultRetries2)
    {
        var budget = Budget(retries2, RtoMin);
        var elapsed = SimDuration.Zero;
        var rto = initialRto;
        while (elapsed < budget)
        {
            elapsed += rto;
            rto = rto + rto < RtoMax ? rto + rto : RtoMax;
        }

        return elapsed;
    }
}
