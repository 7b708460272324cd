using System.Diagnostics.Tracing;

namespace RedisFailoverSim.Bench;

/// <summary>
/// Listens to the runtime's GCAllocationTick events (one about every 100 KB allocated, naming the type that crossed
/// the mark) and adds up their amounts by type: a sampling allocation profile, small and large-object heap apart.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _small = [];
    private readonly Dictionary<string, long> _large = [];

    /// <summary>Prints the <paramref name="top"/> types of each heap, in KB per run.</summary>
    public void Print(int runs, int top)
    {
        lock (_gate)
        {
            foreach (var (heap, bytes) in new[] { ("small", _small), ("large", _large) })
            {
                foreach (var (type, amount) in bytes.OrderByDescending(kv => kv.Value).Take(top))
                {
                    Console.Error.WriteLine($"  {heap} {amount / 1024.0 / runs,9:0.0} KB/run {type}");
                }
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1: GC events, the allocation tick among them (verbose level).
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        string type = "?";
        long amount = 0;
        uint kind = 0;
        for (int i = 0; i < eventData.PayloadNames!.Count; i++)
        {
            switch (eventData.PayloadNames[i])
            {
                case "TypeName":
                    type = eventData.Payload[i] as string ?? "?";
                    break;
                case "AllocationAmount64":
                    amount = Convert.ToInt64(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "AllocationKind":
                    kind = Convert.ToUInt32(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }

        lock (_gate)
        {
            var bytes = kind == 1 ? _large : _small;
            bytes[type] = bytes.GetValueOrDefault(type) + amount;
        }
    }
}
