using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Calibration.Real.Drivers;

/// <summary>
/// One scenario client driven by a real library in its own process (a driver in <c>calibration/drivers/</c>), started
/// and stopped by its process id. The schedule stays here, so every library sees the same open-model writer: each write
/// is handed to the driver at its intended start as a line <c>&lt;id&gt; &lt;element&gt;</c> on its standard input,
/// the driver fires it without waiting for earlier ones and answers a line
/// <c>&lt;id&gt; ok|failed|unknown &lt;CLOCK_MONOTONIC ns&gt; &lt;announced port or -1&gt; &lt;reason&gt;</c>.
/// The driver dials every announced address at this client's own proxy port (its <c>portMap</c>), so partitions
/// cut it as they cut the others. Outcomes follow the model's rules: an error reply or a write never sent is failed,
/// a write sent whose reply never came is unknown (assumption A8).
/// </summary>
internal sealed class DriverClient : IRealClient
{
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(40);
    private readonly ClientDriver _driver;
    private readonly string _directory;
    private readonly string _configPath;
    private readonly string _logPath;
    private readonly RealLedger _ledger;
    private readonly RunClock _clock;
    private readonly int _valueBytes;
    private readonly ManualResetEventSlim _ready = new();
    private readonly object _inputGate = new();
    private ChildProcess? _process;
    private string? _fatal;

    /// <summary>Prepares the driver's configuration; <see cref="Connect"/> starts it.</summary>
    public DriverClient(ClientDriver driver, string directory, string name, IReadOnlyList<int> sentinelFrontPorts, IReadOnlyDictionary<int, int> portMap, RealLedger ledger, RunClock clock, int valueBytes, string workDirectory)
    {
        _driver = driver;
        _directory = directory;
        Name = name;
        _ledger = ledger;
        _clock = clock;
        _valueBytes = valueBytes;
        _configPath = Path.Combine(workDirectory, $"driver-{name}.json");
        _logPath = Path.Combine(workDirectory, $"driver-{name}.log");
        var config = new Dictionary<string, object>
        {
            ["name"] = "rfsim-" + name,
            ["master"] = Cluster.ConfigFiles.MasterName,
            ["key"] = RealWriteClient.SetKey,
            ["sentinels"] = sentinelFrontPorts.Select(p => portMap[p]).ToList(),
            ["portMap"] = portMap.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
        };
        File.WriteAllText(_configPath, JsonSerializer.Serialize(config));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int UnmappedConnections => 0;

    /// <summary>Starts the driver and waits until it has written once through the Sentinels' primary.</summary>
    public bool Connect(TextWriter log)
    {
        var arguments = new List<string> { Path.Combine(_directory, _driver.Script), _configPath };
        _process = ChildProcess.Start("driver-" + Name, _driver.Interpreter, arguments, _logPath, OnLine);
        bool ready = _ready.Wait(ReadyBound);
        log.WriteLine($"{Name}: {_driver.Library} driver pid {_process.Pid.ToString(CultureInfo.InvariantCulture)} {(ready && _fatal is null ? "ready" : "not ready: " + (_fatal ?? "no answer in " + ReadyBound.TotalSeconds + " s"))}");
        return ready && _fatal is null;
    }

    /// <inheritdoc />
    public void Issue(int writeId)
    {
        var input = _process?.StandardInput ?? throw new InvalidOperationException("connect first");
        _ledger.Issue();
        string line = writeId.ToString(CultureInfo.InvariantCulture) + " " + WriteSchedule.Element(writeId, _valueBytes);
        try
        {
            lock (_inputGate)
            {
                input.Write(line);
                input.Write('\n');
                input.Flush();
            }
        }
        catch (IOException)
        {
            // The driver died: the write never left this process.
            _ledger.Resolve(writeId, WriteOutcome.Failed, _clock.Seconds, -1, "driver gone");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The driver protocol carries writes only, so a library driver probes nothing: the network fit comes from the
    /// run's StackExchange.Redis clients, and with none the model keeps the scenario's network (Calibrator says so).
    /// </remarks>
    public IReadOnlyList<double> ProbeRoundTrips(int count, TimeSpan spacing, CancellationToken cancellationToken) => [];

    /// <summary>Stops the driver by its process id.</summary>
    public void Dispose()
    {
        _process?.Dispose();
        _ready.Dispose();
    }

    private void OnLine(string line)
    {
        if (line == "ready")
        {
            _ready.Set();
            return;
        }

        if (line.StartsWith("fatal ", StringComparison.Ordinal))
        {
            _fatal = line[6..];
            _ready.Set();
            return;
        }

        var parts = line.Split(' ', 5);
        if (parts.Length < 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long monotonicNs)
            || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int port))
        {
            return;
        }

        var outcome = parts[1] switch
        {
            "ok" => WriteOutcome.Ok,
            "failed" => WriteOutcome.Failed,
            _ => WriteOutcome.Unknown,
        };
        // An acknowledged write's reason is "-", or "duplicate" when a re-sent write found its element already there.
        string? reason = parts.Length > 4 && parts[4] != "-" ? parts[4] : outcome == WriteOutcome.Ok ? null : "unknown";
        _ledger.Resolve(id, outcome, Completed(monotonicNs), outcome == WriteOutcome.Ok ? port : -1, reason);
    }

    /// <summary>
    /// The driver's CLOCK_MONOTONIC time on the run's clock. On Linux <see cref="Stopwatch"/> reads the same clock in
    /// nanoseconds; elsewhere the moment the line arrived stands in.
    /// </summary>
    private double Completed(long monotonicNs) =>
        OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000 ? _clock.ToSeconds(monotonicNs) : _clock.Seconds;
}
