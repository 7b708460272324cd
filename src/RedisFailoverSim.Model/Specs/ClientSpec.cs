namespace RedisFailoverSim.Model.Specs;

/// <summary>A client process writing to the data store.</summary>
/// <param name="Name">Unique name, e.g. <c>c1</c>.</param>
/// <param name="Az">The AZ it runs in.</param>
/// <param name="RateMultiplier">Its share of the workload rate, relative to other clients (default 1).</param>
public sealed record ClientSpec(string Name, string Az, double RateMultiplier = 1.0);
