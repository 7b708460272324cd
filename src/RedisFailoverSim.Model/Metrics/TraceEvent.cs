namespace RedisFailoverSim.Model.Metrics;

/// <summary>One meaningful event, for the narrated trace and the charts' markers.</summary>
/// <param name="Seconds">Simulated time, seconds since the run start.</param>
/// <param name="Source">Who reports it: <c>sentinel-3</c>, <c>n1</c>, <c>fault</c>, <c>c2</c>…</param>
/// <param name="Kind">A stable kind: Sentinel's vocabulary (<c>+sdown</c>, <c>+switch-master</c>…) or ours (<c>fault</c>, <c>heal</c>, <c>role</c>…).</param>
/// <param name="Text">Plain words, e.g. <c>+switch-master mymaster n1 → n5</c>.</param>
public sealed record TraceEvent(double Seconds, string Source, string Kind, string Text);
