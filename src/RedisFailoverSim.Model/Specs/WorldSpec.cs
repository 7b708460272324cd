namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Everything a run needs to know about the world: where things are, what the clients write, what breaks
/// and when, and the settings of each component. Immutable, validated once when loaded (by the Scenarios
/// layer), never re-checked by the model.
/// </summary>
/// <param name="Azs">The availability zones, by name, in a stable order.</param>
/// <param name="Nodes">Redis/Valkey nodes; exactly one starts as primary.</param>
/// <param name="Sentinels">Sentinel processes (self-hosted path only).</param>
/// <param name="Clients">Client processes issuing writes.</param>
/// <param name="Workload">The write stream.</param>
/// <param name="Faults">Faults in time order.</param>
/// <param name="Network">Link delay model.</param>
/// <param name="Redis">Redis node settings shared by every path that runs Redis nodes.</param>
/// <param name="Sentinel">Sentinel settings (self-hosted path).</param>
/// <param name="Client">Client library behaviour.</param>
/// <param name="Run">Run bounds (convergence).</param>
/// <param name="Paths">Settings of the AWS paths (each may be absent: defaults apply).</param>
public sealed record WorldSpec(
    IReadOnlyList<string> Azs,
    IReadOnlyList<NodeSpec> Nodes,
    IReadOnlyList<SentinelSpec> Sentinels,
    IReadOnlyList<ClientSpec> Clients,
    WorkloadSpec Workload,
    IReadOnlyList<FaultSpec> Faults,
    NetworkSpec Network,
    RedisSettings Redis,
    SentinelSettings Sentinel,
    ClientSettings Client,
    RunSettings Run,
    PathSettings Paths)
{
    /// <summary>A Redis Cluster instead of one primary with Sentinels (self-hosted path), or null.</summary>
    public ClusterSpec? Cluster { get; init; }

    /// <summary>The library behaviour of client <paramref name="clientIndex"/>: its own, else the scenario's.</summary>
    public ClientSettings ClientSettingsOf(int clientIndex) => Clients[clientIndex].Settings ?? Client;

    /// <summary>True when some client runs library settings of its own (<see cref="ClientSpec.Settings"/>).</summary>
    public bool HasPerClientSettings => Clients.Any(c => c.Settings is not null);
}
