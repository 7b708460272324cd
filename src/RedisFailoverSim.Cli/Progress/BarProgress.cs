using Spectre.Console;

namespace RedisFailoverSim.Cli.Progress;

/// <summary>Progress for a terminal: feeds one Spectre progress bar, and checks for Ctrl-C.</summary>
internal sealed class BarProgress(ProgressTask task, CancellationToken cancellation) : IProgress<double>
{
    /// <inheritdoc />
    public void Report(double value)
    {
        cancellation.ThrowIfCancellationRequested();
        task.Value = Math.Clamp(value, 0, 1) * task.MaxValue;
    }
}
