namespace RedisFailoverSim.Tests.Cli.Corpus;

/// <summary>
/// Bad command lines: unknown verbs and options, every option given a hostile value, arguments too many or missing,
/// output folders that cannot be written. <c>{scenario}</c> stands for a valid scenario file, <c>{root}</c> for the
/// test's folder, <c>{file}</c> for a plain file in it.
/// </summary>
internal static class BadCommandLineCorpus
{
    public static IEnumerable<string[]> Cases()
    {
        yield return [];
        yield return ["frobnicate"];
        yield return ["runn", "{scenario}"];
        yield return ["run"];
        yield return ["run", "{root}/missing.yaml"];
        yield return ["run", "{root}"];
        yield return ["run", "no-such-bundled-scenario"];
        yield return ["run", "{scenario}", "{scenario}"];
        yield return ["run", "{scenario}", "--bogus"];
        yield return ["run", "{scenario}", "-x"];
        yield return ["list", "foo"];
        yield return ["validate"];
        yield return ["validate", "{scenario}", "extra"];
        yield return ["explain", "nonexistent-path"];
        yield return ["merge"];
        yield return ["merge", "{root}/nowhere"];
        yield return ["merge", "{scenario}"];
        yield return ["calibrate"];
        yield return ["calibrate", "{scenario}", "--runs", "0"];
        yield return ["calibrate", "{scenario}", "--port-base", "80"];
        yield return ["calibrate", "{scenario}", "--runs", "abc"];
        foreach (var seed in new[] { "-1", "abc", "1e3", "18446744073709551616", "", " " })
        {
            yield return ["run", "{scenario}", "--seed", seed];
        }

        foreach (var paths in new[] { "", ",", "foo", "self-hosted,foo", "SELF-HOSTED,,", " " })
        {
            yield return ["run", "{scenario}", "--paths", paths];
        }

        foreach (var output in new[] { "", "/", "{file}", "{file}/below", "/proc/rfsim-cannot", "/dev/null" })
        {
            yield return ["run", "{scenario}", "--out", output];
            yield return ["sweep", "{scenario}", "--runs", "2", "--out", output];
        }

        yield return ["plots", "--out", "/proc/rfsim-cannot"];
        yield return ["plots", "--out", "{file}"];
        foreach (var runs in new[] { "0", "-1", "abc", "1000000000", "1e3", "" })
        {
            yield return ["sweep", "{scenario}", "--runs", runs];
        }

        foreach (var parallel in new[] { "0", "-2", "many" })
        {
            yield return ["sweep", "{scenario}", "--runs", "2", "--parallel", parallel];
        }

        foreach (var shard in new[] { "3/2", "0/0", "-1/2", "a/b", "1", "2/2", "" })
        {
            yield return ["sweep", "{scenario}", "--runs", "4", "--shard", shard];
        }

        foreach (var vary in new[]
        {
            "", "rate", "workload.rate", "workload.rate=", "workload.rate=1..2", "workload.rate=1..2:1", "workload.rate=1..2:100000",
            "workload.rate=b..c:3", "nope.key=1..2:2", "workload.rate=10..1000000000:2", "workload.duration=1s..2:2",
        })
        {
            yield return ["sweep", "{scenario}", "--runs", "2", "--vary", vary];
        }

        yield return ["sweep", "{scenario}", "--runs", "2", "--vary", "workload.rate=1..2:2", "--vary", "workload.rate=1..3:2"];
        yield return ["sweep", "{scenario}", "--runs", "2", "--vary", "workload.rate=1..2:2", "--vary", "workload.duration=10s..20s:2", "--vary", "seed=1..2:2"];
        yield return ["sweep", "{scenario}", "--runs", "100000", "--vary", "sentinel.down-after-milliseconds=1000..9000:200"];
        yield return ["run", "{scenario}", "--seed", "1", "--seed", "2"];
        yield return ["run", "{scenario}", "--prices", "{root}/no-prices.yaml"];
        yield return ["run", "{scenario}", "--prices", "{file}"];
        yield return ["sweep", "{scenario}", "--runs", "2", "--emit", "nomad"];
        yield return ["sweep", "{scenario}", "--runs", "2", "--emit", "slurm", "--shards", "0"];
        yield return ["run", "{scenario}", "--trace-filter", ""];
    }
}
