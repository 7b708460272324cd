namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// How long writes went unacknowledged: the stretches, longer than <see cref="Threshold"/>, between one
/// acknowledgement and the next, for all clients together and for each client, from its first intended write to its
/// last. O(1) per write and one slot per client, so it costs nothing that grows with the run. Acknowledgements come in
/// simulated-time order (they are recorded as the client learns them), so each gap is the distance to the previous.
/// </summary>
public sealed class AckGaps
{
    /// <summary>
    /// A gap counts as time without writes only past one second: below that it is latency, which the percentiles
    /// report (a definition, not a model assumption).
    /// </summary>
    public const long Threshold = 1_000_000_000;

    private readonly Span _all = new();
    private Span[] _clients = [];

    /// <summary>A write was issued (its intended start).</summary>
    public void Issued(int client, long intendedStart)
    {
        _all.Issued(intendedStart);
        Client(client).Issued(intendedStart);
    }

    /// <summary>A write was acknowledged at <paramref name="at"/>.</summary>
    public void Acknowledged(int client, long at)
    {
        _all.Acknowledged(at);
        Client(client).Acknowledged(at);
    }

    /// <summary>The figures at the end of the run; <paramref name="clientName"/> names a client index.</summary>
    public WriteAvailability Finish(Func<int, string> clientName)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        var worst = -1;
        long worstGaps = 0;
        for (var i = 0; i < _clients.Length; i++)
        {
            var gaps = _clients[i].Close();
            if (gaps > worstGaps)
            {
                worst = i;
                worstGaps = gaps;
            }
        }

        var all = _all.Close();
        return new WriteAvailability(
            NoAckSeconds: all / 1e9,
            LongestNoAckSeconds: _all.Longest / 1e9,
            WorstClientNoAckSeconds: worstGaps / 1e9,
            WorstClient: worst < 0 ? null : clientName(worst));
    }

    private Span Client(int index)
    {
        if (index >= _clients.Length)
        {
            var grown = new Span[Math.Max(index + 1, _clients.Length * 2)];
            _clients.CopyTo(grown, 0);
            for (var i = _clients.Length; i < grown.Length; i++)
            {
                grown[i] = new Span();
            }

            _clients = grown;
        }

        return _clients[index];
    }

    /// <summary>One series of writes: from the first intended start, gaps between acknowledgements.</summary>
    private sealed class Span
    {
        private long _last = -1;
        private long _lastIntended = -1;
        private bool _closed;

        public long Gaps { get; private set; }

        public long Longest { get; private set; }

        public void Issued(long intendedStart)
        {
            if (_last < 0)
            {
                _last = intendedStart;
            }

            _lastIntended = Math.Max(_lastIntended, intendedStart);
        }

        public void Acknowledged(long at)
        {
            Add(at - _last);
            _last = Math.Max(_last, at);
        }

        /// <summary>The last gap runs to the last write the series meant to make, if no acknowledgement followed it.</summary>
        public long Close()
        {
            if (!_closed && _last >= 0 && _lastIntended > _last)
            {
                Add(_lastIntended - _last);
            }

            _closed = true;
            return Gaps;
        }

        private void Add(long gap)
        {
            Longest = Math.Max(Longest, gap);
            if (gap > Threshold)
            {
                Gaps += gap;
            }
        }
    }
}
