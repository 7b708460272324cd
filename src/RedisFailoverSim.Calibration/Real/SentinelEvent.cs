namespace RedisFailoverSim.Calibration.Real;

/// <summary>One event a Sentinel published (channel = Sentinel's event name, e.g. <c>+switch-master</c>).</summary>
/// <param name="Seconds">When rfsim received it, seconds from the run's zero.</param>
/// <param name="Sentinel">Which Sentinel published it.</param>
/// <param name="Channel">The event, e.g. <c>+sdown</c>, <c>+odown</c>, <c>+switch-master</c>.</param>
/// <param name="Message">Its text, e.g. <c>mymaster 127.0.0.1 26401 127.0.0.1 26406</c>.</param>
internal sealed record SentinelEvent(double Seconds, string Sentinel, string Channel, string Message);
