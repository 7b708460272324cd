namespace RedisFailoverSim.Model.Specs;

/// <summary>The kinds of fault a scenario can inject.</summary>
public enum FaultKind
{
    /// <summary>
    /// <c>kill -9</c> of the node's process: memory is lost, the host's kernel resets its connections at once.
    /// With a duration the process is restarted afterwards, empty when persistence is off.
    /// </summary>
    Crash,

    /// <summary>
    /// The node's host loses power: nothing answers, no connection is reset (silence, like
    /// <c>aws:elasticache:replicationgroup-interrupt-az-power</c> for one node). Comes back empty after the duration.
    /// </summary>
    PowerOff,

    /// <summary>SIGSTOP then SIGCONT: the node stops processing and resumes as if nothing happened.</summary>
    Pause,

    /// <summary>Cut every link to and from the target (a node or an AZ); messages on cut links are lost.</summary>
    Isolate,

    /// <summary>Split everything into groups; links between groups are cut both ways.</summary>
    Partition,

    /// <summary>Cut the links from one side to the other only (a simplex partition).</summary>
    OneWay,

    /// <summary>Add latency to every message entering or leaving an AZ.</summary>
    SlowAz,

    /// <summary>
    /// Every Redis node and Sentinel in an AZ loses power for the duration (the FIS AZ power interruption action);
    /// clients keep running (assumption A14). Nodes come back empty.
    /// </summary>
    AzPowerInterruption,

    /// <summary>
    /// A planned node replacement of the primary (maintenance): a graceful, coordinated failover; the duration is
    /// the time until the replacement joins as a replica.
    /// </summary>
    NodeReplacement,

    /// <summary>
    /// A customer reboot of the target node, down for the duration (ElastiCache does not fail over for it:
    /// docs/sources.md §4.2).
    /// </summary>
    Reboot,

    /// <summary>Traffic multiplied for the duration (a load burst).</summary>
    TrafficBurst,

    /// <summary>
    /// <c>CLUSTER FAILOVER [FORCE|TAKEOVER]</c> sent to a Redis Cluster replica (planned replacement of its primary,
    /// docs/sources.md §3.9): one command, no duration.
    /// </summary>
    ClusterFailover,

    /// <summary>
    /// Packet loss on the links to and from the transaction-log replica of an AZ (MemoryDB, ElastiCache with
    /// durability): each message to or from it is lost with the fault's rate and resent after TCP's retransmission
    /// timeout (ASSUMPTION A166); the 2-of-3 quorum commits without it while the other two answer.
    /// </summary>
    LogPacketLoss,

    /// <summary>
    /// One transaction-log replica (an AZ's) answers every append and claim later by the fault's extra latency: a slow
    /// quorum member, which a 2-of-3 quorum skips while the other two answer (ASSUMPTION A167).
    /// </summary>
    LogSlowReplica,

    /// <summary>
    /// A brown-out of the whole log service: every log replica answers later by the fault's extra latency and drops
    /// the fault's fraction of the appends it receives, which the primary repairs on its heartbeat (ASSUMPTION A168).
    /// </summary>
    LogBrownout,
}
