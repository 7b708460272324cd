using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.Resp;

namespace RedisFailoverSim.Calibration.RealCluster;

/// <summary>
/// Which writes a real Redis Cluster kept: the elements of every <c>key:*</c> set on each shard's primary at the end
/// (the model's final dataset is the union of the shard primaries' datasets, too). A replica's copy does not count:
/// a write only the replica of a shard that was not promoted holds is lost.
/// </summary>
internal static class ClusterFinalSet
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The write ids present on the primaries listening on <paramref name="primaryPorts"/>.</summary>
    public static HashSet<int> Read(IEnumerable<int> primaryPorts)
    {
        var present = new HashSet<int>();
        foreach (int port in primaryPorts)
        {
            using var connection = RespConnection.Open(port, CallTimeout);
            string cursor = "0";
            do
            {
                if (connection.Call("SCAN", cursor, "MATCH", "key:*", "COUNT", "1000") is not object?[] { Length: 2 } page
                    || page[0] is not string next || page[1] is not object?[] keys)
                {
                    throw new CalibrationSetupException($"SCAN on 127.0.0.1:{port} gave no page");
                }

                foreach (var key in keys.OfType<string>())
                {
                    if (connection.Call("SMEMBERS", key) is object?[] members)
                    {
                        foreach (var element in members.OfType<string>())
                        {
                            if (WriteSchedule.WriteIdOf(element) is >= 0 and int id)
                            {
                                present.Add(id);
                            }
                        }
                    }
                }

                cursor = next;
            }
            while (cursor != "0");
        }

        return present;
    }
}
