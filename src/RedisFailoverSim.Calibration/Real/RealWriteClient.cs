using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// One scenario client: a StackExchange.Redis multiplexer in Sentinel mode (<c>serviceName</c>), configured from
/// the scenario's client settings, dialling through its own tunnel; or, for a Redis Cluster
/// (<see cref="ForCluster"/>), in cluster mode with every node as an endpoint. Writes are fired at their intended
/// start and never awaited by the schedule (open workload); each one's outcome and the node that answered it (from a
/// per-write profiling session) land in the ledger.
/// </summary>
internal sealed class RealWriteClient : IRealClient
{
    /// <summary>The set every client adds to.</summary>
    public const string SetKey = "rfsim:calibration:set";

    private static readonly AsyncLocal<ProfilingSession?> CurrentSession = new();
    private readonly RealLedger _ledger;
    private readonly RunClock _clock;
    private readonly int _valueBytes;
    private readonly ConfigurationOptions _options;
    private readonly Func<int, string>? _keyOf;
    private ConnectionMultiplexer? _multiplexer;
    private IDatabase? _database;

    /// <summary>Configures the client; <see cref="Connect"/> opens it.</summary>
    public RealWriteClient(string name, ClientSettings settings, IReadOnlyList<int> sentinelPorts, ClientTunnel tunnel, RealLedger ledger, RunClock clock, int valueBytes, Microsoft.Extensions.Logging.ILoggerFactory? log = null)
        : this(name, Options(name, settings, sentinelPorts, tunnel), null, ledger, clock, valueBytes, log)
    {
        Tunnel = tunnel;
    }

    private RealWriteClient(string name, ConfigurationOptions options, Func<int, string>? keyOf, RealLedger ledger, RunClock clock, int valueBytes, Microsoft.Extensions.Logging.ILoggerFactory? log)
    {
        Name = name;
        _ledger = ledger;
        _clock = clock;
        _valueBytes = valueBytes;
        _keyOf = keyOf;
        _options = options;
        _options.LoggerFactory = log;
    }

    /// <summary>The scenario client's name.</summary>
    public string Name { get; }

    /// <summary>Its tunnel (its view of the network); null for a cluster client that dials the nodes directly.</summary>
    public ClientTunnel? Tunnel { get; private init; }

    /// <inheritdoc />
    public int UnmappedConnections => Tunnel?.Unmapped ?? 0;

    /// <summary>
    /// A Redis Cluster client: StackExchange.Redis in cluster mode (no service name) with every node as an endpoint,
    /// the same timeouts and reconnect policy as <see cref="Options"/>; write <c>i</c> adds its element to the set
    /// <paramref name="keyOf"/>(i), so the writes spread over the slots as the model's keys do. With a
    /// <paramref name="tunnel"/> (a partitioned run) it dials every announced node port at its own proxy for the node.
    /// </summary>
    public static RealWriteClient ForCluster(string name, ClientSettings settings, IReadOnlyList<int> nodePorts, Func<int, string> keyOf, RealLedger ledger, RunClock clock, int valueBytes, Microsoft.Extensions.Logging.ILoggerFactory? log, ClientTunnel? tunnel = null)
    {
        var options = Common(name, settings);
        options.Tunnel = tunnel;
        foreach (int port in nodePorts)
        {
            options.EndPoints.Add("127.0.0.1", port);
        }

        return new RealWriteClient(name, options, keyOf, ledger, clock, valueBytes, log) { Tunnel = tunnel };
    }

    /// <summary>The StackExchange.Redis settings used, as its configuration string (for the report).</summary>
    public string Configuration => _options.ToString(includePassword: false);

    /// <summary>The StackExchange.Redis options a scenario's client settings map to (docs/sources.md §9.2 names).</summary>
    public static ConfigurationOptions Options(string name, ClientSettings settings, IReadOnlyList<int> sentinelPorts, ClientTunnel tunnel)
    {
        var options = Common(name, settings);
        options.ServiceName = Cluster.ConfigFiles.MasterName;
        options.Tunnel = tunnel;
        foreach (int port in sentinelPorts)
        {
            options.EndPoints.Add("127.0.0.1", port);
        }

        return options;
    }

    private static ConfigurationOptions Common(string name, ClientSettings settings) =>
        new()
        {
            ClientName = "rfsim-" + name,
            AbortOnConnectFail = false,
            SyncTimeout = Milliseconds(settings.CommandTimeout.TotalMilliseconds),
            AsyncTimeout = Milliseconds(settings.CommandTimeout.TotalMilliseconds),
            ConnectTimeout = Milliseconds(settings.ConnectTimeout.TotalMilliseconds),
            HeartbeatInterval = TimeSpan.FromMilliseconds(settings.Heartbeat.TotalMilliseconds),
            ReconnectRetryPolicy = new ExponentialRetry(
                Milliseconds(settings.ReconnectBase.TotalMilliseconds),
                Milliseconds(settings.ReconnectMax.TotalMilliseconds)),
        };

    /// <summary>Connects through the Sentinels to the primary; false when no primary answered within the connect timeout.</summary>
    public bool Connect(TextWriter log)
    {
        _multiplexer = ConnectionMultiplexer.Connect(_options, log);
        _multiplexer.RegisterProfiler(() => CurrentSession.Value);
        _database = _multiplexer.GetDatabase();
        return _multiplexer.IsConnected;
    }

    /// <summary>
    /// The test bed's round trip as this client sees it: <paramref name="count"/> PINGs to the primary through its
    /// tunnel, one after another <paramref name="spacing"/> apart, each timed from the call to its reply, in ms.
    /// </summary>
    public IReadOnlyList<double> ProbeRoundTrips(int count, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var database = _database ?? throw new InvalidOperationException("connect first");
        var roundTrips = new List<double>(count);
        for (int i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            database.Ping(CommandFlags.DemandMaster);
            roundTrips.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Thread.Sleep(spacing);
        }

        return roundTrips;
    }

    /// <summary>Fires write <paramref name="writeId"/> now; its outcome is recorded when it completes.</summary>
    public void Issue(int writeId)
    {
        var database = _database ?? throw new InvalidOperationException("connect first");
        var session = new ProfilingSession();
        _ledger.Issue();
        Task<bool> add;
        CurrentSession.Value = session;
        try
        {
            add = database.SetAddAsync(_keyOf is null ? SetKey : _keyOf(writeId), WriteSchedule.Element(writeId, _valueBytes));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Resolve(writeId, e, session);
            return;
        }
        finally
        {
            CurrentSession.Value = null;
        }

        add.ContinueWith(
            (task, state) => ((RealWriteClient)state!).Resolve(writeId, task, session),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Closes the multiplexer (abruptly: the run is over).</summary>
    public void Dispose()
    {
        _multiplexer?.Close(allowCommandsToComplete: false);
        _multiplexer?.Dispose();
    }

    private void Resolve(int writeId, Task<bool> task, ProfilingSession session)
    {
        if (task.IsCompletedSuccessfully)
        {
            _ledger.Resolve(writeId, WriteOutcome.Ok, _clock.Seconds, AnsweringPort(session), reason: null);
            return;
        }

        Resolve(writeId, task.Exception?.InnerException ?? new RedisException("cancelled"), session);
    }

    private void Resolve(int writeId, Exception error, ProfilingSession session)
    {
        var (outcome, reason) = WriteErrors.Classify(error);
        _ledger.Resolve(writeId, outcome, _clock.Seconds, outcome == WriteOutcome.Ok ? AnsweringPort(session) : -1, reason);
    }

    private static int AnsweringPort(ProfilingSession session)
    {
        int port = -1;
        foreach (var command in session.FinishProfiling())
        {
            port = command.EndPoint switch
            {
                System.Net.IPEndPoint ip => ip.Port,
                System.Net.DnsEndPoint dns => dns.Port,
                _ => port,
            };
        }

        return port;
    }

    private static int Milliseconds(double value) => (int)Math.Round(value);
}
