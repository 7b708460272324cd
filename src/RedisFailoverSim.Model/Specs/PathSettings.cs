namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Settings of the AWS paths, one typed record per path. Each documented default names its docs/sources.md section; each
/// undocumented behaviour is an assumption with a parameter in these records.
/// </summary>
/// <param name="ElastiCache">The <c>elasticache:</c> block.</param>
/// <param name="Serverless">The <c>serverless:</c> block.</param>
/// <param name="MemoryDb">The <c>memorydb:</c> block.</param>
public sealed record PathSettings(ElastiCacheSettings ElastiCache, ServerlessSettings Serverless, MemoryDbSettings MemoryDb)
{
    /// <summary>
    /// Parses the blocks as the Scenarios layer reads them: block name (<c>elasticache</c>, <c>serverless</c>,
    /// <c>memorydb</c>) → its keys and value texts in file order. Kept for callers written against the untyped form;
    /// prefer <see cref="FromValues"/>.
    /// </summary>
    public PathSettings(IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> values)
        : this(
            ElastiCacheSettings.FromValues(Block(values, ElastiCacheSettings.BlockName)),
            ServerlessSettings.FromValues(Block(values, ServerlessSettings.BlockName)),
            MemoryDbSettings.FromValues(Block(values, MemoryDbSettings.BlockName)))
    {
    }

    /// <summary>No overrides: every path uses its defaults.</summary>
    public static PathSettings Defaults { get; } = new(ElastiCacheSettings.Default, ServerlessSettings.Default, MemoryDbSettings.Default);

    /// <summary>The block names, in report order.</summary>
    public static IReadOnlyList<string> BlockNames { get; } =
        [ElastiCacheSettings.BlockName, ServerlessSettings.BlockName, MemoryDbSettings.BlockName];

    /// <summary>
    /// Builds every path's settings from the scenario's blocks (block name → keys and value texts, in file order);
    /// a missing block keeps its defaults. Throws <see cref="PathSettingException"/> (an <see cref="ArgumentException"/>)
    /// naming the block, the bad key and the allowed keys or the expected format.
    /// </summary>
    public static PathSettings FromValues(IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> values) =>
        new(values);

    private static IReadOnlyList<KeyValuePair<string, string>>? Block(
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> values,
        string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<KeyValuePair<string, string>>? found = null;
        foreach (var (block, keys) in values)
        {
            if (!BlockNames.Contains(block))
            {
                throw new PathSettingException("", block, $"unknown path block '{block}'; allowed blocks: {string.Join(", ", BlockNames)}");
            }

            if (block == name)
            {
                if (found is not null)
                {
                    throw new PathSettingException(block, block, $"path block '{block}' is given twice");
                }

                found = keys;
            }
        }

        return found;
    }
}
