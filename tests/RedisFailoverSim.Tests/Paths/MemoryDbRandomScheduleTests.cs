using System.Collections.Concurrent;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// MemoryDB under random fault schedules: crashes, power cuts, pauses, isolations, partitions, one-way cuts, slow AZs,
/// AZ power interruptions, reboots and replacements at random times. Whatever happens, no acknowledged write is lost
/// (docs/sources.md §6) and the run converges. Seeded: a failure prints the seed and the schedule that replays it.
/// </summary>
public class MemoryDbRandomScheduleTests
{
    private const int Schedules = 240;

    private static readonly string[] Azs = ["az-a", "az-b", "az-c"];
    private static readonly string[] Members = ["n1", "n2", "n3", "log-az-a", "log-az-b", "log-az-c", "c1", "c2", "c3"];

    [Fact]
    public void RandomFaultSchedules_240Seeds_NoAcknowledgedWriteLost()
    {
        var failures = new ConcurrentBag<(ulong Seed, string Problem)>();
        Parallel.For(1, Schedules + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ulong seed = (ulong)i;
            var (faults, text) = Schedule(seed);
            var spec = Specs.ThreeNodes(faults, rate: 30, durationS: 60);
            try
            {
                var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, seed, RunOptions.Default with { KeepSamples = false });
                if (result.Writes.AcknowledgedLost != 0 || !result.Converged)
                {
                    failures.Add((seed, $"seed {seed}: {result.Writes.AcknowledgedLost} acknowledged writes lost, converged={result.Converged}; schedule: {text}"));
                }
            }
            catch (RedisFailoverSim.Engine.InvariantViolatedException e)
            {
                failures.Add((seed, $"seed {seed}: {e.Message}; schedule: {text}"));
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.OrderBy(f => f.Seed).Select(f => f.Problem)));
    }

    /// <summary>One to four healing faults between 5 s and 50 s, drawn from the seed alone.</summary>
    internal static (IReadOnlyList<FaultSpec> Faults, string Text) Schedule(ulong seed)
    {
        var random = new RandomStream(seed);
        string Pick(IReadOnlyList<string> names) => names[random.Next(names.Count)];
        FaultTarget NodeOrPrimary() => random.Next(2) == 0 ? FaultTarget.Primary : FaultTarget.Member(Pick(["n1", "n2", "n3"]));

        var faults = new List<FaultSpec>();
        int count = 1 + random.Next(4);
        for (int i = 0; i < count; i++)
        {
            long at = 5 + random.Next(46);
            long duration = 2 + random.Next(39);
            var fault = random.Next(10) switch
            {
                0 => Specs.Fault(FaultKind.Crash, at, duration, NodeOrPrimary()),
                1 => Specs.Fault(FaultKind.PowerOff, at, duration, NodeOrPrimary()),
                2 => Specs.Fault(FaultKind.Pause, at, Math.Min(duration, 30), FaultTarget.Primary),
                3 => Specs.Fault(FaultKind.Isolate, at, duration, random.Next(2) == 0 ? FaultTarget.Az(Pick(Azs)) : FaultTarget.Member(Pick(Members))),
                4 => Partition(at, duration, Pick(Azs)),
                5 => Specs.OneWayFromAz(at, duration, Pick(Azs), random.Next(2)),
                6 => Specs.SlowAz(at, duration, 1 + random.Next(50), Pick(Azs)),
                7 => Specs.AzPower(at, duration, Pick(Azs)),
                8 => Specs.Fault(FaultKind.Reboot, at, Math.Min(duration, 20), FaultTarget.Member(Pick(["n1", "n2", "n3"]))),
                _ => Specs.Fault(FaultKind.NodeReplacement, at, duration, FaultTarget.Member(Pick(["n1", "n2", "n3"]))),
            };
            faults.Add(fault);
        }

        faults.Sort((a, b) => a.At.CompareTo(b.At));
        return (faults, string.Join("; ", faults.Select(Specs.Describe)));
    }

    private static FaultSpec Partition(long at, long duration, string az) =>
        new(FaultKind.Partition, Specs.At(at), SimDuration.FromSeconds(duration), FaultTarget.Split([[az], Azs.Where(a => a != az).ToList()]));
}
