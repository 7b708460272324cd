using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// ASSUMPTION A166: how long a transmission lost on a link to or from the log takes to arrive (docs/sources.md §6.2):
/// it is sent again after the fault's <c>retransmit-after</c>, and every further loss of it doubles the wait, up to
/// TCP_RTO_MAX, as TCP's retransmission timer backs off (docs/sources.md §11.17). The default, 200 ms, is that timer at
/// TCP_RTO_MIN, and Linux's tail-loss probe when one segment is in flight (2 x SRTT + TCP_RTO_MIN); a busy connection,
/// whose later segments are acknowledged selectively, repairs a loss within a few round trips (e.g. 5 ms).
/// </summary>
public static class LogRetransmission
{
    /// <summary>The default first retransmission: TCP_RTO_MIN, 200 ms.</summary>
    public static SimDuration DefaultFirst => TcpRetransmission.RtoMin;

    /// <summary>
    /// The delay one transmission suffers when each send is lost with <paramref name="lossRate"/>: nothing when its
    /// first send gets through, else <paramref name="first"/>, doubled for every further loss (capped at TCP_RTO_MAX).
    /// </summary>
    public static long DelayNanoseconds(SimDuration first, RandomStream draws, double lossRate)
    {
        long delay = 0;
        var wait = first;
        while (draws.NextDouble() < lossRate)
        {
            delay += wait.Nanoseconds;
            wait = wait + wait < TcpRetransmission.RtoMax ? wait + wait : TcpRetransmission.RtoMax;
        }

        return delay;
    }
}
