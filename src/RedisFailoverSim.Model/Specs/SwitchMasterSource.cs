namespace RedisFailoverSim.Model.Specs;

/// <summary>Whose <c>+switch-master</c> a client following the message hears.</summary>
public enum SwitchMasterSource
{
    /// <summary>Every Sentinel's: one subscription per Sentinel (Jedis's MasterListener per Sentinel).</summary>
    EverySentinel,

    /// <summary>
    /// Only the Sentinel whose answer the client last followed: node-redis 6 keeps one Sentinel client for its
    /// pub/sub (docs/sources.md §11.16), so a client whose Sentinel is cut off hears no switch.
    /// </summary>
    AnsweringSentinel,
}
