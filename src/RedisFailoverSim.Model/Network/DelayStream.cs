namespace RedisFailoverSim.Model.Network;

/// <summary>
/// Which of the network's random streams a message's one-way delay is drawn from. An optional client behaviour whose
/// messages come and go with a setting (a cluster client's periodic topology check, assumption A174) draws from a
/// stream of its own, so turning it on or changing its period never shifts the delays of any other message.
/// </summary>
public enum DelayStream
{
    /// <summary>The network's stream every message draws from unless it names another.</summary>
    Default,

    /// <summary>A cluster client's periodic <c>CLUSTER SLOTS</c> question and its answer (A174).</summary>
    TopologyCheck,
}
