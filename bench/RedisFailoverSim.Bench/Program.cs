using System.Globalization;
using RedisFailoverSim.Paths;

namespace RedisFailoverSim.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/RedisFailoverSim.Bench -- hold|scenarios|replication|long</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scenarios")
        {
            bool audit = args.Contains("--audit");
            var rest = args.Skip(1).Where(a => a != "--audit").ToList();
            string folder = rest.Count > 0 ? rest[0] : "scenarios";
            double budget = rest.Count > 1 ? double.Parse(rest[1], CultureInfo.InvariantCulture) : 3.0;
            return ScenarioBenchmark.Run(folder, budget, audit);
        }

        if (args.Length > 0 && args[0] == "replication")
        {
            bool allocations = args.Contains("--allocations");
            var rest = args.Skip(1).Where(a => a != "--allocations").ToList();
            string file = rest.Count > 0 ? rest[0] : "scenarios/az-partition-split-brain.yaml";
            int runs = rest.Count > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 200;
            return ReplicationBenchmark.Run(file, runs, allocations);
        }

        if (args.Length > 0 && args[0] == "long")
        {
            bool audit = args.Contains("--audit");
            var rest = args.Skip(1).Where(a => a != "--audit").ToList();
            double hours = rest.Count > 0 ? double.Parse(rest[0], CultureInfo.InvariantCulture) : 24;
            double rate = rest.Count > 1 ? double.Parse(rest[1], CultureInfo.InvariantCulture) : 1000;
            string file = rest.Count > 2 ? rest[2] : "scenarios/az-partition-split-brain.yaml";
            string path = rest.Count > 3 ? rest[3] : DeploymentPaths.SelfHosted;
            return LongRunBenchmark.Run(hours, rate, file, path, audit);
        }

        if (args.Length == 0 || args[0] != "hold")
        {
            Console.Error.WriteLine("usage: RedisFailoverSim.Bench hold [--seconds S] [--n N[,N...]]");
            Console.Error.WriteLine("       RedisFailoverSim.Bench scenarios [FOLDER] [SECONDS-PER-CASE] [--audit]");
            Console.Error.WriteLine("       RedisFailoverSim.Bench replication [SCENARIO-FILE] [RUNS=200] [--allocations]");
            Console.Error.WriteLine("       RedisFailoverSim.Bench long [HOURS=24] [RATE=1000] [SCENARIO-FILE] [PATH=self-hosted] [--audit]");
            return 2;
        }

        double seconds = 2.0;
        int[] sizes = [1, 100, 1_000, 10_000];
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length:
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--n" when i + 1 < args.Length:
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument: {args[i]}");
                    return 2;
            }
        }

        foreach (int n in sizes)
        {
            var result = HoldBenchmark.Measure(n, seconds);
            Console.WriteLine(result.ToJson());
        }

        return 0;
    }
}
