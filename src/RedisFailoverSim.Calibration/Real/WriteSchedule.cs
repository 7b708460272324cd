using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// The open workload's intended start times, laid out before the run as the model lays them out: each client at
/// rate × its multiplier, constant spacing from a random phase in [0, 1/rate) or Poisson gaps, until the workload's
/// duration. Every write adds its own unique element (Jepsen's set workload).
/// </summary>
internal static class WriteSchedule
{
    /// <summary>All writes of all clients, in intended-start order.</summary>
    public static IReadOnlyList<ScheduledWrite> Build(WorldSpec spec, int seed)
    {
        var random = new Random(seed);
        var writes = new List<ScheduledWrite>();
        double duration = spec.Workload.Duration.TotalSeconds;
        for (int client = 0; client < spec.Clients.Count; client++)
        {
            double rate = spec.Workload.RatePerClient * spec.Clients[client].RateMultiplier;
            if (rate <= 0)
            {
                continue;
            }

            double next = random.NextDouble() / rate;
            while (next < duration)
            {
                writes.Add(new ScheduledWrite(next, client));
                double gap = spec.Workload.Arrival == ArrivalProcess.Poisson ? -Math.Log(1 - random.NextDouble()) / rate : 1 / rate;
                next += Math.Max(1e-9, gap);
            }
        }

        writes.Sort((a, b) => a.IntendedSeconds.CompareTo(b.IntendedSeconds));
        return writes;
    }

    /// <summary>The set element of a write: its id, zero-padded, then filler up to the value size.</summary>
    public static string Element(int writeId, int valueBytes)
    {
        string id = writeId.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return valueBytes > id.Length ? id + new string('.', valueBytes - id.Length) : id;
    }

    /// <summary>The write id an element was made from, or -1.</summary>
    public static int WriteIdOf(string element) =>
        element.Length >= 9 && int.TryParse(element.AsSpan(0, 9), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id) ? id : -1;
}
