namespace RedisFailoverSim.Tests.Reporting.Timeline;

/// <summary>
/// Gate for the browser tests: Playwright drives the system Chromium (<c>apt-get install -y chromium</c>; Playwright's
/// own browser download cannot work here). In CI (<c>CI=true</c>, or <c>RFSIM_REQUIRE_CHROMIUM=1</c>, which
/// <c>.ci/run</c> sets after installing it) a missing browser fails the test; locally the test returns early.
/// </summary>
internal static class SystemChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RFSIM_REQUIRE_CHROMIUM") == "1";

    /// <summary>True when the browser is there; false (locally only) when it is missing.</summary>
    public static bool Available()
    {
        if (File.Exists(Path))
        {
            return true;
        }

        Assert.False(InCi, $"CI requires Chromium at {Path} (.ci/run must apt-get install -y chromium)");
        return false;
    }
}
