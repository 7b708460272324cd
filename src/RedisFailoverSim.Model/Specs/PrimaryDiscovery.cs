namespace RedisFailoverSim.Model.Specs;

/// <summary>How a client on a Sentinel deployment decides which node takes its writes (<c>client.primary-discovery</c>).</summary>
public enum PrimaryDiscovery
{
    /// <summary>Asks the Sentinels for the master on every (re)connect (every Sentinel client).</summary>
    Sentinel,

    /// <summary>
    /// Asks every data node its role once, when the client is created, and keeps the one that answered
    /// <c>role:master</c> for the client's whole life: every reconnect goes back to it, whatever its role by then
    /// (Valkey GLIDE's standalone client, docs/sources.md §11.20; assumption A176).
    /// </summary>
    FixedAtCreation,
}
