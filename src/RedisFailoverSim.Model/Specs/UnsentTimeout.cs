namespace RedisFailoverSim.Model.Specs;

/// <summary>What a caller learns of a write that timed out while it waited for a connection (<c>client.unsent-timeout</c>).</summary>
public enum UnsentTimeout
{
    /// <summary>The library says it was never sent, so the write failed (StackExchange.Redis's backlog timeout, assumption A8).</summary>
    Failed,

    /// <summary>A plain timeout error that does not say whether the write left the client: its outcome is unknown (Valkey GLIDE, docs/sources.md §11.20).</summary>
    Unknown,
}
