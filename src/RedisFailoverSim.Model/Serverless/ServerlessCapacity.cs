using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// A Serverless cache's compute capacity in ECPU/s and its metering (docs/sources.md §5). Requests are served first come,
/// first served at the current capacity: below it a request passes at once; above it requests queue, and one that
/// would wait longer than <see cref="ServerlessSettings.ThrottleAfter"/> is throttled (A22). Capacity starts at 30K
/// ECPU/s and doubles every doubling period while demand stays near it, up to the configured maximum (A21).
/// Metering: 1 ECPU per KB transferred, at least 1 per request (docs/sources.md §5); GB-hours of the data stored, at least
/// the minimum metered storage (docs/sources.md §5), sampled each second (A34).
/// </summary>
public sealed class ServerlessCapacity
{
    private const double BytesPerGb = 1024.0 * 1024 * 1024;
    private static readonly SimDuration MeterPeriod = SimDuration.FromSeconds(1);

    private readonly Simulation _simulation;
    private readonly ServerlessSettings _settings;
    private readonly RunRecorder _recorder;
    private readonly Func<long> _storedBytes;
    private readonly ServerlessScaleOut? _scaleOut;
    private long _busyUntil;
    private double _demandThisPeriod;
    private bool _scaling;
    private SimTime _stepDoneAt;
    private double _gbSeconds;

    /// <summary>
    /// Creates the capacity of a new cache; <paramref name="storedBytes"/> tells the data stored now, and each doubling
    /// also adds a shard through <paramref name="scaleOut"/> while a warm one remains (A161).
    /// </summary>
    public ServerlessCapacity(Simulation simulation, ServerlessSettings settings, RunRecorder recorder, Func<long> storedBytes, ServerlessScaleOut? scaleOut = null)
    {
        _scaleOut = scaleOut;
        _simulation = simulation;
        _settings = settings;
        _recorder = recorder;
        _storedBytes = storedBytes;
        EcpuPerSecond = settings.InitialEcpuPerSecond;
        PeakEcpuPerSecond = EcpuPerSecond;
    }

    /// <summary>Current capacity.</summary>
    public double EcpuPerSecond { get; private set; }

    /// <summary>The highest capacity reached.</summary>
    public double PeakEcpuPerSecond { get; private set; }

    /// <summary>ECPUs consumed by the requests served (throttled requests are not billed).</summary>
    public double EcpusConsumed { get; private set; }

    /// <summary>Requests admitted.</summary>
    public long RequestsServed { get; private set; }

    /// <summary>Requests refused with a throttling error.</summary>
    public long RequestsThrottled { get; private set; }

    /// <summary>The longest a request may wait before it is throttled (A22).</summary>
    public SimDuration ThrottleAfter => _settings.ThrottleAfter;

    /// <summary>GB-hours metered so far.</summary>
    public double GbHours => _gbSeconds / 3600;

    /// <summary>Starts the once-a-second scaler and storage meter.</summary>
    public void Start() => _simulation.Start("serverless/scaler", RunScaler);

    /// <summary>
    /// Admits a request costing <paramref name="ecpus"/>: false when it is throttled, else the time it waits in the
    /// queue before it is served. Per request, allocation-free.
    /// </summary>
    public bool TryAdmit(double ecpus, out SimDuration wait)
    {
        Invariant.Holds(ecpus >= 1);
        _demandThisPeriod += ecpus;
        long now = _simulation.Now.Nanoseconds;
        long start = Math.Max(now, _busyUntil);
        wait = SimDuration.FromNanoseconds(start - now);
        if (wait > _settings.ThrottleAfter)
        {
            RequestsThrottled++;
            return false;
        }

        long cost = SimDuration.FromSecondsRounded(ecpus / EcpuPerSecond).Nanoseconds;
        _busyUntil = start + Math.Max(1, cost);
        EcpusConsumed += ecpus;
        RequestsServed++;
        return true;
    }

    /// <summary>Counts a request refused before it reached the queue (a slot past its ceiling, A163).</summary>
    public void Throttle() => RequestsThrottled++;

    private IEnumerable<Wait> RunScaler(Process self)
    {
        while (true)
        {
            yield return Wait.For(MeterPeriod);
            double demand = _demandThisPeriod / MeterPeriod.TotalSeconds;
            _demandThisPeriod = 0;
            _gbSeconds += Math.Max(_settings.MinimumStorageGb, _storedBytes() / BytesPerGb) * MeterPeriod.TotalSeconds;
            Scale(demand);
        }
    }

    /// <summary>ASSUMPTION A21: a doubling starts when demand reaches the scale-up share of capacity and takes the doubling period.</summary>
    private void Scale(double demand)
    {
        var now = _simulation.Now;
        if (_scaling && now >= _stepDoneAt)
        {
            _scaling = false;
            EcpuPerSecond = Math.Min(_settings.MaxEcpuPerSecond, EcpuPerSecond * 2);
            PeakEcpuPerSecond = Math.Max(PeakEcpuPerSecond, EcpuPerSecond);
            _recorder.Event("serverless", "scale", $"capacity now {Format(EcpuPerSecond)} ECPU/s");
        }

        if (!_scaling && EcpuPerSecond < _settings.MaxEcpuPerSecond && demand >= _settings.ScaleUpUtilization * EcpuPerSecond)
        {
            _scaling = true;
            _stepDoneAt = now + _settings.DoublingPeriod;
            _recorder.Event("serverless", "scale", $"scaling out: demand {Format(demand)} ECPU/s against {Format(EcpuPerSecond)} ECPU/s of capacity; doubling in {RunRecorder.Format(_settings.DoublingPeriod)}");
            if (_scaleOut is { CanAdd: true })
            {
                _scaleOut.Begin(_stepDoneAt);
            }
        }
    }

    private static string Format(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
