namespace RedisFailoverSim.Model.Specs;

/// <summary>The option of <c>CLUSTER FAILOVER [FORCE|TAKEOVER]</c> (docs/sources.md §3.9).</summary>
public enum ManualFailoverOption
{
    /// <summary>No option: the primary pauses its writers, the replica catches up, then an election without delay.</summary>
    Default,

    /// <summary><c>FORCE</c>: no talk with the primary (it may be down), an election at once; primaries vote anyway.</summary>
    Force,

    /// <summary><c>TAKEOVER</c>: no election either; a new configEpoch without consensus and the slots taken at once.</summary>
    Takeover,
}
