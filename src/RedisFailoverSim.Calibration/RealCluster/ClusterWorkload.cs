using System.Globalization;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// The scenario's clients against a real Redis Cluster: one StackExchange.Redis multiplexer in cluster mode per
/// scenario client, the open workload the Sentinel calibration drives (<see cref="WriteSchedule"/>), and each write's
/// key drawn from the scenario's key space as the model draws it (<see cref="KeySampler"/>: <c>key:N</c>, its slot the
/// CRC16 of the name), so the writes spread over the shards in the same shares. Write <c>i</c> adds its own element to
/// the set at its key (Jepsen's set workload, one set per key).
/// </summary>
internal sealed class ClusterWorkload : IDisposable
{
    private readonly IReadOnlyList<ScheduledWrite> _schedule;
    private readonly string[] _keys;
    private readonly List<RealWriteClient> _clients = [];
    private readonly ClientLog _log;
    private readonly ClientThreadPool _pool;
    private Thread? _driver;
    private CancellationTokenSource? _stop;

    private ClusterWorkload(WorldSpec spec, int seed, string directory, RunClock clock)
    {
        _schedule = WriteSchedule.Build(spec, seed);
        Ledger = new RealLedger(_schedule);
        Clock = clock;
        var sampler = new KeySampler(spec.Workload.Keys);
        var stream = new RandomStream(RandomStreams.DeriveSeed(unchecked((ulong)seed), "calibration/keys"));
        _keys = new string[_schedule.Count];
        for (int i = 0; i < _keys.Length; i++)
        {
            _keys[i] = KeySampler.KeyName(sampler.NextKey(stream));
        }

        _log = new ClientLog(Path.Combine(directory, "clients.log"), clock);
        _pool = ClientThreadPool.For(spec.Clients.Count);
    }

    /// <summary>Every write's outcome.</summary>
    public RealLedger Ledger { get; }

    /// <summary>The run's clock (zero = the workload's start).</summary>
    public RunClock Clock { get; }

    /// <summary>
    /// Connects every scenario client to the cluster through <paramref name="nodePorts"/> (the announced ports), each
    /// through its own tunnel when <paramref name="tunnelMap"/> gives one (announced port → that client's proxy port).
    /// </summary>
    public static ClusterWorkload Connect(WorldSpec spec, IReadOnlyList<int> nodePorts, int seed, string directory, Func<string, IReadOnlyDictionary<int, int>>? tunnelMap = null)
    {
        var workload = new ClusterWorkload(spec, seed, directory, new RunClock());
        try
        {
            foreach (var c in spec.Clients)
            {
                var tunnel = tunnelMap is null ? null : new ClientTunnel(tunnelMap(c.Name));
                var client = RealWriteClient.ForCluster(c.Name, spec.Client, nodePorts, i => workload._keys[i], workload.Ledger, workload.Clock, spec.Workload.ValueBytes, workload._log, tunnel);
                workload._clients.Add(client);
                if (!client.Connect(workload._log.Writer))
                {
                    throw new CalibrationSetupException($"client {c.Name} could not connect to the cluster; see {directory}/clients.log");
                }
            }

            return workload;
        }
        catch
        {
            workload.Dispose();
            throw;
        }
    }

    /// <summary>Client connections to an address outside the clients' tunnels (never cut; 0 without tunnels).</summary>
    public int UnmappedConnections => _clients.Sum(c => c.UnmappedConnections);

    /// <summary>Sets the run's zero and issues every write at its intended start, on a thread of its own.</summary>
    public void Start()
    {
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        Clock.SetZero();
        _driver = GuardedThread.Start("cluster-workload", () =>
        {
            for (int i = 0; i < _schedule.Count && !token.IsCancellationRequested; i++)
            {
                Clock.SleepUntil(_schedule[i].IntendedSeconds, token);
                _clients[_schedule[i].Client].Issue(i);
            }
        });
    }

    /// <summary>
    /// Waits for the schedule to end, then up to <paramref name="settle"/> for every write's outcome (the writes still
    /// pending then count as unknown, as the model's do at the end of a run).
    /// </summary>
    public void Finish(TimeSpan settle, CancellationToken cancellation)
    {
        while (_driver is { } driver && !driver.Join(TimeSpan.FromMilliseconds(200)))
        {
            if (cancellation.IsCancellationRequested)
            {
                _stop?.Cancel();
            }
        }

        cancellation.ThrowIfCancellationRequested();
        SpinWait.SpinUntil(() => Ledger.Pending == 0 || cancellation.IsCancellationRequested, settle);
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// The run's metrics, with the Sentinel calibration's definitions: client-observed failover = fault → the first
    /// write the promoted node acknowledged; no control plane (the cluster has no Sentinel), no split brain measured.
    /// </summary>
    public RunMetrics Metrics(ulong run, double faultSeconds, double? promotionSeconds, (string Name, int Port)? promoted, HashSet<int> present)
    {
        var tally = LedgerTally.Of(Ledger, present);
        double? clientObserved = null;
        if (promoted is { } node)
        {
            for (int id = 0; id < Ledger.Count; id++)
            {
                if (Ledger.Outcome(id) == WriteOutcome.Ok && Ledger.AckedByPort(id) == node.Port && Ledger.Completed(id) >= faultSeconds)
                {
                    clientObserved = Math.Min(clientObserved ?? double.MaxValue, Ledger.Completed(id) - faultSeconds);
                }
            }
        }

        // No control plane (the cluster has no Sentinel) and no split brain measured.
        return tally.ToMetrics(run, Ledger.Issued, promoted?.Name, null, promotionSeconds, clientObserved is { } c ? Math.Round(c, 3) : null, 0, converged: true);
    }

    /// <summary>
    /// Every write, one line each, into <paramref name="path"/>: id, client, key, intended start (s), when its outcome
    /// was known (s), outcome, the port of the node that acknowledged it, and whether the final dataset holds it.
    /// </summary>
    public void WriteCsv(string path, IReadOnlyList<string> clientNames, HashSet<int> present)
    {
        using var csv = new StreamWriter(path);
        csv.WriteLine("id,client,key,intended_s,completed_s,outcome,acked_by_port,present");
        for (int id = 0; id < Ledger.Count; id++)
        {
            csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id},{clientNames[Ledger.Client(id)]},{_keys[id]},{Ledger.IntendedStart(id):0.######},{Ledger.Completed(id):0.######},{Ledger.Outcome(id)},{Ledger.AckedByPort(id)},{(present.Contains(id) ? 1 : 0)}"));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop?.Cancel();
        _driver?.Join(TimeSpan.FromSeconds(5));
        _clients.ForEach(c => c.Dispose());
        _log.Dispose();
        _pool.Dispose();
        _stop?.Dispose();
    }
}
