using RedisFailoverSim.Calibration.Cluster;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Resp;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Subscribes (<c>PSUBSCRIBE *</c>) to every Sentinel's event channels on its real port, so the observer is never
/// partitioned, and records every event with its arrival time. One background thread per Sentinel; each reconnects
/// after a lost connection, a bounded number of times.
/// </summary>
internal sealed class SentinelObserver : IDisposable
{
    private const int MaxReconnects = 200;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(250);
    private readonly RunClock _clock;
    private readonly List<(long At, string Sentinel, string Channel, string Message)> _events = [];
    private readonly List<Thread> _threads = [];
    private readonly List<RespConnection> _connections = [];
    private readonly CountdownEvent _subscribed;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();

    /// <summary>Starts one subscriber per Sentinel.</summary>
    public SentinelObserver(IReadOnlyList<ServerMember> sentinels, RunClock clock)
    {
        _clock = clock;
        _subscribed = new CountdownEvent(sentinels.Count);
        foreach (var sentinel in sentinels)
        {
            _threads.Add(GuardedThread.Start("rfsim-observe-" + sentinel.Name, () => Listen(sentinel)));
        }
    }

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<SentinelEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.OrderBy(e => e.At).Select(e => new SentinelEvent(_clock.ToSeconds(e.At), e.Sentinel, e.Channel, e.Message))];
            }
        }
    }

    /// <summary>Waits until every Sentinel has confirmed the subscription.</summary>
    public bool WaitSubscribed(TimeSpan bound) => _subscribed.Wait(bound);

    /// <summary>Closes every subscription and waits (bounded) for the threads.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            _connections.ForEach(c => c.Dispose());
            _connections.Clear();
        }

        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        _subscribed.Dispose();
        _stop.Dispose();
    }

    private void Listen(ServerMember sentinel)
    {
        bool counted = false;
        for (int attempt = 0; attempt < MaxReconnects && !_stop.IsCancellationRequested; attempt++)
        {
            try
            {
                using var connection = RespConnection.Open(sentinel.RealPort, TimeSpan.FromSeconds(1));
                if (!Track(connection))
                {
                    return;
                }

                connection.Send("PSUBSCRIBE", "*");
                connection.Read();
                connection.SetTimeout(Timeout.InfiniteTimeSpan);
                if (!counted)
                {
                    counted = true;
                    _subscribed.Signal();
                }

                while (!_stop.IsCancellationRequested)
                {
                    if (connection.Read() is object?[] { Length: 4 } message && message[0] is "pmessage")
                    {
                        Record((RunClock.Now, sentinel.Name, (string)message[2]!, (string)message[3]!));
                    }
                }
            }
            catch (Exception e) when (e is IOException or RespErrorException or ObjectDisposedException or InvalidCastException or NotSupportedException or System.Net.Sockets.SocketException)
            {
                // The Sentinel was restarted or the run is ending: try again unless stopping.
            }

            _stop.Token.WaitHandle.WaitOne(ReconnectDelay);
        }
    }

    private bool Track(RespConnection connection)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return false;
            }

            _connections.Add(connection);
            return true;
        }
    }

    private void Record((long At, string Sentinel, string Channel, string Message) sentinelEvent)
    {
        lock (_gate)
        {
            _events.Add(sentinelEvent);
        }
    }
}
