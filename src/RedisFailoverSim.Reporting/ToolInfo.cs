namespace RedisFailoverSim.Reporting;

/// <summary>The tool that produced a report: with the seed and scenario hash, what replays a run.</summary>
/// <param name="Name">Command name, <c>rfsim</c>.</param>
/// <param name="Version">Package version, e.g. <c>0.1.0</c>.</param>
/// <param name="Commit">The source commit the tool was built from, or null when unknown.</param>
public sealed record ToolInfo(string Name, string Version, string? Commit)
{
    /// <summary>
    /// Splits an assembly informational version (<c>0.1.0+c3a6c48…</c>, as the SDK stamps it from git)
    /// into version and commit.
    /// </summary>
    public static ToolInfo FromInformationalVersion(string name, string informationalVersion)
    {
        ArgumentNullException.ThrowIfNull(informationalVersion);
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new ToolInfo(name, informationalVersion, null)
            : new ToolInfo(name, informationalVersion[..plus], informationalVersion[(plus + 1)..]);
    }
}
