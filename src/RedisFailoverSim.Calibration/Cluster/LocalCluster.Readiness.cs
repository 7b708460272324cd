using System.Diagnostics;
using System.Globalization;
using RedisFailoverSim.Calibration.Resp;

namespace RedisFailoverSim.Calibration.Cluster;

/// <summary>Readiness: nodes answer, replicas stream, Sentinels know each other and every replica.</summary>
internal sealed partial class LocalCluster
{
    private static readonly TimeSpan AdminTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until every replica streams from the primary and every Sentinel knows all other Sentinels and all
    /// replicas, as the model's Sentinels do from the start (assumption A6). Throws
    /// <see cref="CalibrationSetupException"/> after <paramref name="bound"/>, saying what was missing.
    /// </summary>
    public void WaitReady(TimeSpan bound, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string missing = "nothing checked yet";
        while (clock.Elapsed < bound)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in Servers)
            {
                if (member.Process is not { IsRunning: true })
                {
                    throw new CalibrationSetupException($"{member.Name} exited at start; see {member.LogPath} and {Path.Combine(Directory, member.Name + ".log")}");
                }
            }

            missing = WhatIsNotReady();
            if (missing.Length == 0)
            {
                return;
            }

            Thread.Sleep(PollPeriod);
        }

        throw new CalibrationSetupException($"the real cluster was not ready after {bound.TotalSeconds:0} s: {missing}; logs in {Directory}");
    }

    /// <summary>Runs one administrative command on a member's real port; null when it does not answer in time.</summary>
    public static object? TryCall(ServerMember member, params string[] command)
    {
        try
        {
            using var connection = RespConnection.Open(member.RealPort, AdminTimeout);
            return connection.Call(command);
        }
        catch (Exception e) when (e is IOException or RespErrorException)
        {
            return null;
        }
    }

    private string WhatIsNotReady()
    {
        int replicas = Nodes.Count - 1;
        var primarySpec = Spec.Nodes.Single(n => n.InitialPrimary);
        var primary = Nodes.Single(n => n.Name == primarySpec.Name);
        var info = RespConnection.ParseInfo(TryCall(primary, "INFO", "replication"));
        if (!info.TryGetValue("connected_slaves", out string? connected) || int.Parse(connected, CultureInfo.InvariantCulture) < replicas)
        {
            return $"{primary.Name} has {connected ?? "no answer"} of {replicas} replicas connected";
        }

        foreach (var node in Nodes.Where(n => n != primary))
        {
            var replicaInfo = RespConnection.ParseInfo(TryCall(node, "INFO", "replication"));
            if (replicaInfo.GetValueOrDefault("master_link_status") != "up")
            {
                return $"{node.Name}'s link to {primary.Name} is not up";
            }
        }

        foreach (var sentinel in Sentinels)
        {
            var master = RespConnection.ParsePairs(TryCall(sentinel, "SENTINEL", "MASTER", ConfigFiles.MasterName));
            string others = master.GetValueOrDefault("num-other-sentinels", "?");
            string slaves = master.GetValueOrDefault("num-slaves", "?");
            if (others != (Sentinels.Count - 1).ToString(CultureInfo.InvariantCulture)
                || slaves != replicas.ToString(CultureInfo.InvariantCulture)
                || master.GetValueOrDefault("flags") != "master")
            {
                return $"{sentinel.Name} knows {others} other Sentinels and {slaves} replicas (flags {master.GetValueOrDefault("flags", "?")})";
            }
        }

        return string.Empty;
    }
}
