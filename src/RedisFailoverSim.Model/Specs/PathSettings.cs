namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Settings of the AWS paths. Each documented default names its FACTS.md section; each undocumented
/// behaviour is an assumption with a parameter here.
/// </summary>
/// <param name="Values">Named parameters by path (<c>elasticache</c>, <c>serverless</c>, <c>memorydb</c>), in file order.</param>
public sealed record PathSettings(IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> Values)
{
    /// <summary>No overrides: every path uses its defaults.</summary>
    public static PathSettings Defaults { get; } = new([]);
}
