namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// A path-settings block (<c>elasticache:</c>, <c>serverless:</c>, <c>memorydb:</c>) named a key that does not
/// exist or gave a value that does not parse. <see cref="Path"/> and <see cref="Key"/> let the Scenarios layer
/// point at the offending line; the message names the allowed keys or the expected format.
/// </summary>
public sealed class PathSettingException : ArgumentException
{
    /// <summary>Creates the exception for one key of one path's block.</summary>
    public PathSettingException(string path, string key, string message)
        : base(message)
    {
        Path = path;
        Key = key;
    }

    /// <summary>The block: <c>elasticache</c>, <c>serverless</c> or <c>memorydb</c> (or empty for an unknown block).</summary>
    public string Path { get; }

    /// <summary>The key at fault (the block name itself for an unknown block).</summary>
    public string Key { get; }
}
