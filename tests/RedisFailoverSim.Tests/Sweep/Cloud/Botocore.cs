using RedisFailoverSim.Tests.Sweep.Slurm;

namespace RedisFailoverSim.Tests.Sweep.Cloud;

/// <summary>
/// AWS's own request validation, offline: botocore (Debian's python3-botocore, for /usr/bin/python3) checks request
/// parameters against the published AWS Batch API model before anything is sent, as the aws CLI does. In CI
/// (<c>CI=true</c> or <c>RFSIM_REQUIRE_BOTOCORE=1</c>, set by .ci/run after installing it) a missing botocore fails
/// the test; locally <see cref="Validate"/> returns null.
/// </summary>
internal static class Botocore
{
    private const string Python = "/usr/bin/python3";

    // Reads {"operation": ..., "params": ...} documents from argv, prints one report per document ("ok" when valid).
    private const string Script = """
        import json, sys
        import botocore.session, botocore.validate
        model = botocore.session.get_session().get_service_model('batch')
        for path in sys.argv[1:]:
            doc = json.load(open(path))
            shape = model.operation_model(doc['operation']).input_shape
            report = botocore.validate.ParamValidator().validate(doc['params'], shape)
            print(report.generate_report() if report.has_errors() else 'ok')
            print('--')
        """;

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RFSIM_REQUIRE_BOTOCORE") == "1";

    /// <summary>botocore's report per (operation, parameters file): "ok" or its errors; null locally without botocore.</summary>
    public static IReadOnlyList<string>? Validate(string folder, IReadOnlyList<(string Operation, string ParamsJson)> requests)
    {
        var (found, version) = File.Exists(Python) ? Commands.Run(Python, ["-c", "import botocore; print(botocore.__version__)"]) : (1, "no " + Python);
        if (found != 0)
        {
            if (InCi)
            {
                Assert.Fail("CI requires botocore for /usr/bin/python3 (.ci/run must install python3-botocore): " + version);
            }

            return null;
        }

        var script = Path.Combine(folder, "validate.py");
        File.WriteAllText(script, Script);
        var documents = requests.Select((r, i) =>
        {
            var path = Path.Combine(folder, $"request-{i}.json");
            File.WriteAllText(path, $"{{\"operation\": \"{r.Operation}\", \"params\": {r.ParamsJson}}}");
            return path;
        }).ToList();
        var (exit, output) = Commands.Run(Python, [script, .. documents]);
        Assert.True(exit == 0, output);
        return output.Split("--\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).ToList();
    }
}
