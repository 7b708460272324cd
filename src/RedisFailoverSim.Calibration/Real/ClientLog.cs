using System.Globalization;
using Microsoft.Extensions.Logging;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// StackExchange.Redis's own account of each client's connections (connects, role changes, sentinel switches,
/// failures), one line per event with the run's clock, into the real run's <c>clients.log</c>: the record behind
/// the client-side findings of a calibration.
/// </summary>
internal sealed class ClientLog : ILoggerFactory
{
    private readonly StreamWriter _writer;
    private readonly RunClock _clock;
    private readonly object _gate = new();

    /// <summary>Opens (appends to) <paramref name="path"/>.</summary>
    public ClientLog(string path, RunClock clock)
    {
        _writer = new StreamWriter(path, append: true) { AutoFlush = true };
        _clock = clock;
    }

    /// <summary>A writer for the connect phase's own log (same file).</summary>
    public TextWriter Writer => _writer;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
        // One sink only.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(string category, LogLevel level, string message)
    {
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_clock.Seconds,10:0.000} {level,-11} {category}: {message}"));
            }
            catch (ObjectDisposedException)
            {
                // A multiplexer closing after the run: its last words are not needed.
            }
        }
    }

    private sealed class Logger(ClientLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.GetType().Name + ": " + exception.Message));
            }
        }
    }
}
