using System.Globalization;

namespace RedisFailoverSim.Cli.Progress;

/// <summary>
/// Progress for a non-interactive output (CI, pipes), where Spectre draws nothing: plain, parseable lines on
/// stderr, <c>progress self-hosted 50%</c>, at most one per 10 %. Reporting also checks for Ctrl-C: the
/// simulation has no other place to stop.
/// </summary>
internal sealed class LineProgress(TextWriter writer, string path, CancellationToken cancellation) : IProgress<double>
{
    private int _lastTenth = -1;

    /// <summary>Writes the 0 % line.</summary>
    public void Start() => Report(0);

    /// <summary>Writes the 100 % line if the path did not report it.</summary>
    public void Finish() => Report(1);

    /// <inheritdoc />
    public void Report(double value)
    {
        cancellation.ThrowIfCancellationRequested();
        var tenth = (int)Math.Floor(Math.Clamp(value, 0, 1) * 10);
        if (tenth <= _lastTenth)
        {
            return;
        }

        _lastTenth = tenth;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress {path} {tenth * 10}%"));
    }
}
