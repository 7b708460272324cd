using System.Globalization;

namespace RedisFailoverSim.Bench;

/// <summary>One line of the hold benchmark's output.</summary>
internal sealed record HoldResult(int N, double EventsPerSecond, double BareHeapEventsPerSecond, double BytesPerEvent)
{
    public double Ratio => EventsPerSecond / BareHeapEventsPerSecond;

    // Fixed field order and invariant culture: the line is read by scripts.
    public string ToJson() => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"n\":{N},\"eventsPerSecond\":{EventsPerSecond:F0},\"bareHeapEventsPerSecond\":{BareHeapEventsPerSecond:F0}," +
        $"\"ratio\":{Ratio:F3},\"bytesPerEvent\":{BytesPerEvent:0.###}}}");
}
