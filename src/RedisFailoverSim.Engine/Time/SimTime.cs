using System.Globalization;

namespace RedisFailoverSim.Engine.Time;

/// <summary>
/// An instant of simulated time: nanoseconds since the start of the run. An instant plus a duration is an
/// instant; an instant minus an instant is a duration; adding two instants does not compile.
/// </summary>
/// <param name="Nanoseconds">Nanoseconds since the start of the run.</param>
public readonly record struct SimTime(long Nanoseconds) : IComparable<SimTime>
{
    /// <summary>The start of every run.</summary>
    public static SimTime Zero => default;

    /// <summary>An instant later than any a run reaches; "never".</summary>
    public static SimTime MaxValue => new(long.MaxValue);

    /// <summary>The instant a duration after the start of the run.</summary>
    public static SimTime FromStart(SimDuration sinceStart) => new(sinceStart.Nanoseconds);

    /// <summary>The time since the start of the run.</summary>
    public SimDuration SinceStart => new(Nanoseconds);

    /// <summary>Seconds since the start, for reports.</summary>
    public double TotalSeconds => Nanoseconds / (double)SimDuration.NanosecondsPerSecond;

    /// <summary>Milliseconds since the start, for reports.</summary>
    public double TotalMilliseconds => Nanoseconds / (double)SimDuration.NanosecondsPerMillisecond;

    /// <inheritdoc />
    public int CompareTo(SimTime other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>The instant a duration later.</summary>
    public static SimTime operator +(SimTime t, SimDuration d) => new(t.Nanoseconds + d.Nanoseconds);

    /// <summary>The instant a duration earlier.</summary>
    public static SimTime operator -(SimTime t, SimDuration d) => new(t.Nanoseconds - d.Nanoseconds);

    /// <summary>The duration between two instants.</summary>
    public static SimDuration operator -(SimTime a, SimTime b) => new(a.Nanoseconds - b.Nanoseconds);

    /// <summary>Compares two instants.</summary>
    public static bool operator <(SimTime a, SimTime b) => a.Nanoseconds < b.Nanoseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator >(SimTime a, SimTime b) => a.Nanoseconds > b.Nanoseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator <=(SimTime a, SimTime b) => a.Nanoseconds <= b.Nanoseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator >=(SimTime a, SimTime b) => a.Nanoseconds >= b.Nanoseconds;

    /// <summary>The earlier of two instants.</summary>
    public static SimTime Min(SimTime a, SimTime b) => a <= b ? a : b;

    /// <summary>The later of two instants.</summary>
    public static SimTime Max(SimTime a, SimTime b) => a >= b ? a : b;

    /// <summary>Seconds since the start with millisecond precision, e.g. <c>t=40.812s</c>.</summary>
    public override string ToString() =>
        "t=" + TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
