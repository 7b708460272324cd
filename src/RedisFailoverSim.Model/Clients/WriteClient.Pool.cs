using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The pool policy (<see cref="ClientSettings.PoolSize"/>, assumption A45): a pooled library sends one command per
/// connection, so a client has at most pool-size writes in flight; a write that finds them all taken waits in the
/// client, first come first served, and is sent (or routed as a write issued now would be) when one ends, by a reply,
/// an error, a timeout or a dropped connection. It may give up first: at its command timeout when that counts from the
/// intended start, or at the pool timeout (go-redis's <c>PoolTimeout</c>), failed and never sent. A multiplexed client
/// (the default) never takes this path. The one modelled connection stays as A45 says: the pool's connections drop and
/// reconnect together.
/// </summary>
public sealed partial class WriteClient
{
    // The writes holding a slot, resolved ones pruned lazily; at most PoolSize long, so a scan is short.
    private readonly List<long> _poolHeld = [];
    private readonly Queue<PoolWaiter> _poolWaiting = new();

    /// <summary>Writes waiting in the client for a free pooled connection.</summary>
    public int PoolWaitingCount => _poolWaiting.Count;

    private bool PoolBounded => _settings.PoolSize != int.MaxValue;

    /// <summary>
    /// With a bounded pool: takes a slot for <paramref name="writeId"/>, or queues it behind the writes already waiting
    /// (false: it waits).
    /// </summary>
    private bool TryTakePoolSlot(long writeId)
    {
        ServePoolWaiters();
        if (_poolWaiting.Count == 0 && HasFreePoolSlot())
        {
            _poolHeld.Add(writeId);
            return true;
        }

        var deadline = BacklogDeadline(writeId);
        bool byPoolTimeout = false;
        if (_settings.PoolTimeout < ClientSettings.Never && Sim.Now + _settings.PoolTimeout < deadline)
        {
            deadline = Sim.Now + _settings.PoolTimeout;
            byPoolTimeout = true;
        }

        // Deadlines grow with the issue order (intended starts and Now both do), so the queue is in deadline order.
        _poolWaiting.Enqueue(new PoolWaiter(writeId, deadline, byPoolTimeout));
        ArmTimeoutTimer(deadline);
        return false;
    }

    private bool HasFreePoolSlot()
    {
        if (_poolHeld.Count < _settings.PoolSize)
        {
            return true;
        }

        int kept = 0;
        for (int i = 0; i < _poolHeld.Count; i++)
        {
            if (_ledger.IsPending(_poolHeld[i]))
            {
                _poolHeld[kept++] = _poolHeld[i];
            }
        }

        _poolHeld.RemoveRange(kept, _poolHeld.Count - kept);
        return _poolHeld.Count < _settings.PoolSize;
    }

    /// <summary>Sends (routes) the waiting writes a slot has freed up for; called after anything that may end a write.</summary>
    private void ServePoolWaiters()
    {
        while (_poolWaiting.Count > 0)
        {
            var waiter = _poolWaiting.Peek();
            if (!_ledger.IsPending(waiter.WriteId))
            {
                _poolWaiting.Dequeue();
                continue;
            }

            if (!HasFreePoolSlot())
            {
                return;
            }

            _poolWaiting.Dequeue();
            _poolHeld.Add(waiter.WriteId);
            Dispatch(waiter.WriteId);
        }
    }

    /// <summary>Fails the waiting writes whose command timeout (from the intended start) or pool timeout passed, never sent.</summary>
    private void ExpirePoolWaiters()
    {
        while (_poolWaiting.Count > 0)
        {
            var waiter = _poolWaiting.Peek();
            if (_ledger.IsPending(waiter.WriteId) && waiter.Deadline > Sim.Now)
            {
                return;
            }

            _poolWaiting.Dequeue();

            // go-redis's pool timeout is its own error (ErrPoolTimeout): the caller knows the write was never sent.
            _ledger.Resolve(waiter.WriteId, waiter.ByPoolTimeout ? WriteOutcome.Failed : UnsentTimeoutOutcome, Sim.Now);
        }
    }

    /// <summary>A write waiting for a pooled connection, when it gives up, and whether that is the pool timeout.</summary>
    private readonly record struct PoolWaiter(long WriteId, SimTime Deadline, bool ByPoolTimeout);
}
