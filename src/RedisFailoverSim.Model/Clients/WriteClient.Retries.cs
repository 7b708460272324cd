using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The retry policy: a write answered by an error reply listed in <see cref="ClientSettings.RetryOn"/> is sent again
/// after the retry backoff, up to <see cref="ClientSettings.RetryAttempts"/> times; an error reply means the node did
/// not apply it, so a retry never duplicates. Also ioredis's flush of the offline queue after failed reconnects.
/// Only writes whose fate is known are retried here; commands cut off in flight are re-sent by the at-least-once
/// policy (<c>WriteClient.Resend.cs</c>), and a retry after a timeout is not modelled (assumption A46).
/// </summary>
public sealed partial class WriteClient
{
    private static readonly object RetryTimer = new();
    private readonly Dictionary<long, int> _retries = [];
    private readonly HashSet<long> _awaitingRetry = [];
    private int _failedReconnects;

    /// <summary>True if the write, just refused with <paramref name="kind"/>, will be sent again (it stays pending).</summary>
    private bool TryScheduleRetry(long writeId, ReplyKind kind)
    {
        var flag = kind switch
        {
            ReplyKind.ReadOnly => RetryOn.ReadOnly,
            ReplyKind.NoReplicas => RetryOn.NoReplicas,
            ReplyKind.Loading => RetryOn.Loading,
            ReplyKind.ClusterDown => RetryOn.ClusterDown,
            _ => RetryOn.OtherError,
        };
        if (_settings.RetryAttempts == 0 || (_settings.RetryOn & flag) == 0 || !_ledger.IsPending(writeId))
        {
            return false;
        }

        _retries.TryGetValue(writeId, out int done);
        if (done >= _settings.RetryAttempts)
        {
            _retries.Remove(writeId);
            return false;
        }

        _retries[writeId] = done + 1;
        _awaitingRetry.Add(writeId);
        Sim.Schedule(_settings.RetryBackoff.Delay(done, _retryJitter), this, writeId, RetryTimer);
        return true;
    }

    /// <summary>A retry's backoff ran out: send the write again, queue it, or fail it if its timeout passed meanwhile.</summary>
    private void OnRetryTimer(long writeId)
    {
        if (!_awaitingRetry.Remove(writeId) || !_ledger.IsPending(writeId))
        {
            return;
        }

        if (_settings.TimeoutOrigin != TimeoutOrigin.Sent && BacklogDeadline(writeId) <= Sim.Now)
        {
            _retries.Remove(writeId);
            _ledger.Resolve(writeId, WriteOutcome.Failed, Sim.Now);
        }
        else if (State == ClientConnectionState.Connected)
        {
            SendWrite(writeId);
        }
        else if (_settings.OfflineQueue == OfflineQueue.FailFast || _backlog.Count >= _settings.OfflineQueueLimit)
        {
            _retries.Remove(writeId);
            _ledger.Resolve(writeId, WriteOutcome.Failed, Sim.Now);
        }
        else
        {
            // Queued behind writes issued later: its timeout is checked once those ahead of it are due (a slight delay).
            _backlog.Enqueue(new QueuedWrite(writeId, _queueNode));
            ArmTimeoutTimer(BacklogDeadline(writeId));
        }
    }

    /// <summary>Another reconnect failed: ioredis fails its offline queue every <c>maxRetriesPerRequest</c> + 1 of them.</summary>
    private void CountFailedReconnect()
    {
        _failedReconnects++;
        int every = _settings.FlushQueueAfterReconnects;

        // Fail-fast (assumption A45): what waited for this connect fails with it.
        bool failWaiting = _settings.OfflineQueue == OfflineQueue.FailFast;
        if (!failWaiting && (every == 0 || _failedReconnects % (every + 1) != 0))
        {
            return;
        }

        // ASSUMPTION A8: a write that never left the client failed; the client knows it was never sent.
        while (_backlog.Count > 0)
        {
            _ledger.Resolve(_backlog.Dequeue().WriteId, WriteOutcome.Failed, Sim.Now);
        }

        FailKeptForResend();
    }
}
