namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// Decides, before a plain node looks at its role, whether a client write is another node's to serve (a Serverless
/// shard's primary while slots move to an added shard: <c>-ASK</c> or <c>-MOVED</c>, A162). Unlike an
/// <see cref="INodeExtension"/> it changes nothing else: the node acknowledges, restarts and replicates as plain Redis.
/// </summary>
public interface IWriteGate
{
    /// <summary>Answers the write with a redirection and returns true, or returns false to let the node serve it.</summary>
    bool TryRedirect(WriteRequest write);
}
