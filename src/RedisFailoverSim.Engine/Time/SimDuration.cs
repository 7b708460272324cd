using System.Globalization;

namespace RedisFailoverSim.Engine.Time;

/// <summary>
/// A span of simulated time, an integer count of nanoseconds. The unit lives in the factory names,
/// so values of this type carry none (<c>downAfter</c>, not <c>downAfterMs</c>).
/// </summary>
/// <param name="Nanoseconds">The length in nanoseconds.</param>
public readonly record struct SimDuration(long Nanoseconds) : IComparable<SimDuration>
{
    /// <summary>Nanoseconds per microsecond.</summary>
    public const long NanosecondsPerMicrosecond = 1_000;

    /// <summary>Nanoseconds per millisecond.</summary>
    public const long NanosecondsPerMillisecond = 1_000_000;

    /// <summary>Nanoseconds per second.</summary>
    public const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>The empty duration.</summary>
    public static SimDuration Zero => default;

    /// <summary>The longest representable duration (about 292 years).</summary>
    public static SimDuration MaxValue => new(long.MaxValue);

    /// <summary>A duration of whole nanoseconds.</summary>
    public static SimDuration FromNanoseconds(long nanoseconds) => new(nanoseconds);

    /// <summary>A duration of whole microseconds.</summary>
    public static SimDuration FromMicroseconds(long microseconds) => new(microseconds * NanosecondsPerMicrosecond);

    /// <summary>A duration of whole milliseconds.</summary>
    public static SimDuration FromMilliseconds(long milliseconds) => new(milliseconds * NanosecondsPerMillisecond);

    /// <summary>A duration of whole seconds.</summary>
    public static SimDuration FromSeconds(long seconds) => new(seconds * NanosecondsPerSecond);

    /// <summary>A duration of whole minutes.</summary>
    public static SimDuration FromMinutes(long minutes) => FromSeconds(minutes * 60);

    /// <summary>
    /// Converts a sampled number of seconds once, rounding to the nearest nanosecond. Sample as a double,
    /// convert here, then add integers: never accumulate time in floating point.
    /// </summary>
    public static SimDuration FromSecondsRounded(double seconds)
    {
        Invariant.Holds(double.IsFinite(seconds));
        return new((long)Math.Round(seconds * NanosecondsPerSecond, MidpointRounding.ToEven));
    }

    /// <summary>Converts a sampled number of milliseconds once, rounding to the nearest nanosecond.</summary>
    public static SimDuration FromMillisecondsRounded(double milliseconds)
    {
        Invariant.Holds(double.IsFinite(milliseconds));
        return new((long)Math.Round(milliseconds * NanosecondsPerMillisecond, MidpointRounding.ToEven));
    }

    /// <summary>Converts a <see cref="TimeSpan"/> (100 ns ticks) exactly; for scenario input and tests only.</summary>
    public static SimDuration FromTimeSpan(TimeSpan span) => new(span.Ticks * 100);

    /// <summary>Converts to a <see cref="TimeSpan"/>, truncating below 100 ns; for display only.</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    /// <summary>The length in milliseconds, for reports.</summary>
    public double TotalMilliseconds => Nanoseconds / (double)NanosecondsPerMillisecond;

    /// <summary>The length in seconds, for reports.</summary>
    public double TotalSeconds => Nanoseconds / (double)NanosecondsPerSecond;

    /// <summary>Whole milliseconds, truncated toward zero.</summary>
    public long WholeMilliseconds => Nanoseconds / NanosecondsPerMillisecond;

    /// <summary>True for a negative duration.</summary>
    public bool IsNegative => Nanoseconds < 0;

    /// <inheritdoc />
    public int CompareTo(SimDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>The sum of two durations.</summary>
    public static SimDuration operator +(SimDuration a, SimDuration b) => new(a.Nanoseconds + b.Nanoseconds);

    /// <summary>The difference of two durations.</summary>
    public static SimDuration operator -(SimDuration a, SimDuration b) => new(a.Nanoseconds - b.Nanoseconds);

    /// <summary>A duration scaled by a whole factor.</summary>
    public static SimDuration operator *(SimDuration a, long factor) => new(a.Nanoseconds * factor);

    /// <summary>A duration scaled by a whole factor.</summary>
    public static SimDuration operator *(long factor, SimDuration a) => new(a.Nanoseconds * factor);

    /// <summary>A duration divided by a whole divisor, truncated.</summary>
    public static SimDuration operator /(SimDuration a, long divisor) => new(a.Nanoseconds / divisor);

    /// <summary>Compares two durations.</summary>
    public static bool operator <(SimDuration a, SimDuration b) => a.Nanoseconds < b.Nanoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator >(SimDuration a, SimDuration b) => a.Nanoseconds > b.Nanoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator <=(SimDuration a, SimDuration b) => a.Nanoseconds <= b.Nanoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator >=(SimDuration a, SimDuration b) => a.Nanoseconds >= b.Nanoseconds;

    /// <summary>The shorter of two durations.</summary>
    public static SimDuration Min(SimDuration a, SimDuration b) => a <= b ? a : b;

    /// <summary>The longer of two durations.</summary>
    public static SimDuration Max(SimDuration a, SimDuration b) => a >= b ? a : b;

    /// <summary>Seconds with millisecond precision, e.g. <c>1.250s</c>.</summary>
    public override string ToString() => TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
