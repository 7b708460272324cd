using System.Text.Encodings.Web;
using System.Text.Json;

namespace RedisFailoverSim.Cli.Sweep.Emit;

/// <summary>Quoting for the cloud manifests: JSON strings, which YAML reads as double-quoted scalars too.</summary>
internal static class CloudText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text as a JSON string literal (quotes, backslashes and control characters escaped).</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Relaxed);

    /// <summary>How rfsim starts in the image the Dockerfile next to the manifests builds.</summary>
    public const string ImageRfsim = "dotnet /app/rfsim.dll";

    /// <summary>
    /// The shell command of shard <paramref name="indexVariable"/>: <c>rfsim sweep</c> of the scenario at
    /// <paramref name="scenarioPath"/> with the shared options, writing to <c>RESULTS/NAME/shard-INDEX</c>.
    /// </summary>
    public static string ShardCommand(BatchSweep sweep, string scenarioPath, string resultsRoot, string indexVariable) =>
        $"exec {ImageRfsim} sweep {ShellWords.Quote(scenarioPath)} {ShellWords.Join(sweep.SharedArguments())} "
        + $"--parallel {sweep.CpusPerShard.ToString(System.Globalization.CultureInfo.InvariantCulture)} "
        + $"--shard \"${indexVariable}/{sweep.Shards.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" "
        + $"--out {ShellWords.Quote($"{resultsRoot}/{sweep.Name}/shard-")}\"${indexVariable}\" --quiet --no-charts";

    /// <summary>The merge's shell command: every shard folder of the sweep on the shared volume (a glob: sh has no brace ranges).</summary>
    public static string MergeCommand(BatchSweep sweep, string resultsRoot) =>
        $"exec {ImageRfsim} merge {ShellWords.Quote($"{resultsRoot}/{sweep.Name}")}/shard-* "
        + $"--out {ShellWords.Quote($"{resultsRoot}/{sweep.Name}/merged")}";
}
