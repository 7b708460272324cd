using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// The node's one thread (docs/sources.md §13.1): a write costs its service time (<see cref="EventLoopCosts"/>), starts
/// when the commands before it are done, and its reply and replication stream leave when it completes. A fork
/// (full sync) stops the thread for its duration. Other commands (PING, INFO, ROLE) wait behind what is queued but are
/// not charged (assumption A106).
/// </summary>
public sealed partial class RedisNode
{
    // When the thread finishes what it has started, in simulated nanoseconds. Never in the past once read.
    private long _threadBusyUntil;

    /// <summary>How long after now the commands already started are done (0 when the thread is idle).</summary>
    internal long QueueNanoseconds => Math.Max(0, _threadBusyUntil - Sim.Now.Nanoseconds);

    /// <summary>Runs a command of <paramref name="costNanoseconds"/> after what is queued; returns when it completes, from now.</summary>
    private long Serve(long costNanoseconds)
    {
        Invariant.Holds(costNanoseconds >= 0);
        long now = Sim.Now.Nanoseconds;
        long start = Math.Max(now, _threadBusyUntil);
        _threadBusyUntil = start + costNanoseconds;
        return _threadBusyUntil - now;
    }

    /// <summary>Sends <paramref name="message"/> when the thread gets to it: after <paramref name="departureNanoseconds"/>.</summary>
    private void SendAfter(MemberId to, Message message, long departureNanoseconds) =>
        Network.Send(Id, to, message, departureNanoseconds);

    /// <summary>Sends a reply to a command the thread answers without a measured cost, behind whatever is queued.</summary>
    private void Reply(MemberId to, Message message) => SendAfter(to, message, QueueNanoseconds);

    /// <summary>A fork for a full sync: the thread is stopped while the kernel copies the page tables.</summary>
    private void Fork(long datasetBytes) => Serve(EventLoopCosts.Fork(datasetBytes));

    /// <summary>A system call blocks the thread until <paramref name="until"/> (nothing queued behind it runs before).</summary>
    private void BlockThreadUntil(Engine.Time.SimTime until) => _threadBusyUntil = Math.Max(_threadBusyUntil, until.Nanoseconds);

    /// <summary>A restarted process starts with an idle thread.</summary>
    private void ResetThread() => _threadBusyUntil = 0;
}
