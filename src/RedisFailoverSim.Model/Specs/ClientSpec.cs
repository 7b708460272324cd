namespace RedisFailoverSim.Model.Specs;

/// <summary>A client process writing to the data store.</summary>
/// <param name="Name">Unique name, e.g. <c>c1</c>.</param>
/// <param name="Az">The AZ it runs in.</param>
/// <param name="RateMultiplier">Its share of the workload rate, relative to other clients (default 1).</param>
public sealed record ClientSpec(string Name, string Az, double RateMultiplier = 1.0)
{
    /// <summary>
    /// This client's own library behaviour (its <c>client:</c> mapping in <c>topology.clients</c>), or null for the
    /// scenario's (<see cref="WorldSpec.Client"/>): one scenario may run c1 on Lettuce and c2 on redis-py.
    /// </summary>
    public ClientSettings? Settings { get; init; }
}
