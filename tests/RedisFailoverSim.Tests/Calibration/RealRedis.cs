using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Cluster;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// Gate for the tests that start real redis-server / redis-sentinel processes. In CI (<c>CI=true</c>, or
/// <c>RFSIM_REQUIRE_REDIS=1</c>, which <c>.ci/run</c> sets after installing Debian's packages) a missing binary fails
/// the test loudly. Locally the test returns early, after asserting that the binaries really are missing, so a
/// developer without Redis still gets a green run.
/// </summary>
internal static class RealRedis
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RFSIM_REQUIRE_REDIS") == "1";

    /// <summary>The binaries, or null (locally only) when they are missing.</summary>
    public static RedisBinaries? Binaries()
    {
        try
        {
            return RedisBinaries.Find(null, null);
        }
        catch (CalibrationSetupException e)
        {
            if (InCi)
            {
                Assert.Fail("CI requires Redis but it is missing (.ci/run must install redis-server and redis-sentinel): " + e.Message);
            }

            Assert.Contains("apt-get install -y redis-server redis-sentinel", e.Message);
            return null;
        }
    }
}
