namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>
/// The directed links a partition has cut, by member name (<c>n1 → n2</c> cut means bytes n1 sends to n2 are held).
/// Shared by every proxy of a run. Thread-safe; waiters are woken on every heal.
/// </summary>
internal sealed class LinkCuts
{
    private readonly object _gate = new();
    private readonly Dictionary<(string From, string To), int> _cuts = [];
    private TaskCompletionSource _changed = NewSignal();

    // The cut links as an immutable set, replaced under the lock on every cut and heal: every proxied packet asks
    // whether its link is cut, and one lock shared by every proxy thread turned into a convoy during a partition.
    private volatile HashSet<(string From, string To)> _snapshot = [];

    /// <summary>Raised (outside the lock) after links are cut, with the links just cut.</summary>
    public event Action<IReadOnlyList<(string From, string To)>>? LinksCut;

    /// <summary>True when bytes from <paramref name="from"/> to <paramref name="to"/> must not pass.</summary>
    public bool IsCut(string? from, string? to)
    {
        if (from is null || to is null)
        {
            // A connection whose source is not a member (an observer) is never cut.
            return false;
        }

        return _snapshot.Contains((from, to));
    }

    /// <summary>How many directed links are cut now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cuts.Count;
            }
        }
    }

    /// <summary>Cuts the given directed links (a link cut twice needs two heals).</summary>
    public void Cut(IReadOnlyList<(string From, string To)> links)
    {
        lock (_gate)
        {
            foreach (var link in links)
            {
                _cuts[link] = _cuts.GetValueOrDefault(link) + 1;
            }

            _snapshot = [.. _cuts.Keys];
        }

        LinksCut?.Invoke(links);
    }

    /// <summary>Heals links cut by <see cref="Cut"/> and wakes every waiter.</summary>
    public void Heal(IReadOnlyList<(string From, string To)> links)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
            foreach (var link in links)
            {
                if (_cuts.TryGetValue(link, out int count))
                {
                    if (count <= 1)
                    {
                        _cuts.Remove(link);
                    }
                    else
                    {
                        _cuts[link] = count - 1;
                    }
                }
            }

            _snapshot = [.. _cuts.Keys];
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="from"/> → <paramref name="to"/> is not cut (returns at once if it is not).</summary>
    public async Task WaitOpenAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (from is null || to is null || !_cuts.ContainsKey((from, to)))
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Blocks the calling (dedicated) thread until <paramref name="from"/> → <paramref name="to"/> is not cut, or
    /// until cancelled; returns false when cancelled. An open link returns at once without taking the lock.
    /// </summary>
    public bool WaitOpen(string? from, string? to, CancellationToken cancellationToken)
    {
        if (!IsCut(from, to))
        {
            return !cancellationToken.IsCancellationRequested;
        }

        // Woken by every heal and by the cancellation; no polling, so hundreds of held links cost nothing.
        using var wake = cancellationToken.Register(PulseAll);
        lock (_gate)
        {
            while (_cuts.ContainsKey((from!, to!)))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                Monitor.Wait(_gate);
            }

            return !cancellationToken.IsCancellationRequested;
        }
    }

    private void PulseAll()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
