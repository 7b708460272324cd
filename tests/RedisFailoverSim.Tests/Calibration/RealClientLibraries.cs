using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Real.Drivers;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// Gate for the tests that drive a real client library (rfsim calibrate --client). The libraries come from registries
/// (Debian's python3-redis, npm for ioredis and node-redis) that a machine may not reach, so a missing library skips
/// the test with the reason, never a silent pass. In CI <c>.ci/run</c> installs them and names in
/// <c>RFSIM_CLIENT_LIBRARIES_UNAVAILABLE</c> the ones it could not install: any other missing library fails the test.
/// </summary>
internal static class RealClientLibraries
{
    public const string UnavailableVariable = "RFSIM_CLIENT_LIBRARIES_UNAVAILABLE";

    /// <summary>The libraries .ci/run tried and could not install (space-separated profile ids).</summary>
    public static IReadOnlyList<string> Unavailable =>
        (Environment.GetEnvironmentVariable(UnavailableVariable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The driver of <paramref name="library"/> when its library loads; otherwise skips (or fails, see above).</summary>
    public static ClientDriver Require(string library)
    {
        var driver = ClientDrivers.Find(library) ?? throw new ArgumentException($"no driver for {library}", nameof(library));
        try
        {
            ClientDrivers.Check(driver);
            return driver;
        }
        catch (CalibrationSetupException e)
        {
            bool reported = Unavailable.Contains(library, StringComparer.OrdinalIgnoreCase);
            if (RealRedis.InCi && !reported)
            {
                Assert.Fail($"CI requires {library} (.ci/run installs it, or lists it in {UnavailableVariable} when its registry cannot be reached): {e.Message}");
            }

            Skip.If(true, $"{library} cannot be loaded here{(reported ? " (.ci/run could not install it)" : "")}: {e.Message}");
            throw; // not reached: Skip.If(true) throws
        }
    }
}
