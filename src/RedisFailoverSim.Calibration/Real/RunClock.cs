using System.Diagnostics;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Wall-clock seconds relative to the run's zero (the instant the workload starts), from the monotonic
/// <see cref="Stopwatch"/> timestamp. Observers that start before the zero keep raw timestamps
/// (<see cref="Now"/>) and convert them once the zero is set (<see cref="ToSeconds"/>), so early events read negative.
/// </summary>
internal sealed class RunClock
{
    private long _zero = Stopwatch.GetTimestamp();

    /// <summary>The raw monotonic timestamp now.</summary>
    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>Seconds since the zero.</summary>
    public double Seconds => ToSeconds(Now);

    /// <summary>Makes now the run's zero.</summary>
    public void SetZero() => Volatile.Write(ref _zero, Stopwatch.GetTimestamp());

    /// <summary>A raw timestamp as seconds from the zero.</summary>
    public double ToSeconds(long timestamp) => (timestamp - Volatile.Read(ref _zero)) / (double)Stopwatch.Frequency;

    /// <summary>Sleeps until <paramref name="seconds"/> (returns early when cancelled).</summary>
    public void SleepUntil(double seconds, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            double gap = seconds - Seconds;
            if (gap <= 0)
            {
                return;
            }

            if (gap > 0.002)
            {
                // Leave a millisecond for the spin below: a timed wait overshoots by up to ~1 ms on Linux.
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Min(gap - 0.001, 0.5)));
            }
            else
            {
                Thread.SpinWait(50);
            }
        }
    }
}
