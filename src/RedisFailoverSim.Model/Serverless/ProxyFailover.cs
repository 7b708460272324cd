using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// What a Serverless proxy needs to carry a shard's writes through its failover (ASSUMPTIONS A169, A170): the run's
/// ledger (a write its client no longer waits for is not re-sent; one that may have been applied is marked re-sent, so
/// a second application counts as a duplicate), the recorder for the narration, and how long a write may be held.
/// </summary>
/// <param name="Ledger">The run's write ledger.</param>
/// <param name="Recorder">The run's recorder.</param>
/// <param name="Hold">How long a write waits for a new route before it is answered with an error (A170).</param>
public sealed record ProxyFailover(WriteLedger Ledger, RunRecorder Recorder, SimDuration Hold);
