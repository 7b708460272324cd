using System.Globalization;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Cli.Verbs;
using RedisFailoverSim.Reporting.Charts;

namespace RedisFailoverSim.Cli.Commands;

/// <summary><c>rfsim calibrate</c>: the Calibration project does the runs and files; this adds the chart.</summary>
internal static class CalibrateCommand
{
    /// <summary>The rows the chart draws, in this order: the judged ones.</summary>
    private static readonly (string Metric, Func<RunMetrics, double?> Value)[] Charted =
    [
        ("controlPlaneFailoverSeconds", m => m.ControlPlaneSeconds),
        ("promotionSeconds", m => m.PromotionSeconds),
        ("clientObservedFailoverSeconds", m => m.ClientObservedSeconds),
        ("acknowledged", m => m.Acknowledged),
        ("acknowledgedLost", m => m.AcknowledgedLost),
        ("failed", m => m.Failed),
        ("unknown", m => m.Unknown),
        ("latencyP50Ms", m => m.LatencyP50Ms),
        ("latencyP99Ms", m => m.LatencyP99Ms),
        ("splitBrainSeconds", m => m.SplitBrainSeconds),
    ];

    public static int Execute(CalibrateVerb verb, CliEnvironment env)
    {
        var defaults = new CalibrateOptions(verb.File);
        var options = defaults with
        {
            Runs = verb.Runs ?? defaults.Runs,
            RedisServerPath = verb.RedisServer,
            RedisSentinelPath = verb.RedisSentinel,
            PortBase = verb.PortBase ?? defaults.PortBase,
            Seed = verb.Seed,
            OutDir = verb.Out,
            ModelSeeds = verb.ModelSeeds,
            MaxWriteRate = verb.MaxWriteRate ?? defaults.MaxWriteRate,
            ClientLibrary = verb.Client ?? defaults.ClientLibrary,
        };
        return CalibrationCommand.Run(options, env.Out, env.Error, WriteChart, CalibrationOutputFolder.Begin);
    }

    /// <summary>Writes calibration.png and calibration.svg (temporary name, then moved) and returns their paths.</summary>
    internal static IReadOnlyList<string> WriteChart(CalibrationReport report, string directory)
    {
        var metrics = Metrics(report);
        var rate = report.RatePerClientUsed.ToString("0.#", CultureInfo.InvariantCulture);
        var caption = $"scenario {report.ScenarioName} · self-hosted path · {report.RedisVersion} · {report.Real.Count} real run{(report.Real.Count == 1 ? "" : "s")} on "
            + $"127.0.0.1, model seeds {string.Join(", ", report.Model.Select(m => m.Run.ToString(CultureInfo.InvariantCulture)))} · "
            + $"{rate} writes/s per client on both sides · band: where the model's mean agrees, from the real runs (green agrees, red differs) · "
            + "bars: means";
        var against = report.IsCluster ? "a real Redis Cluster" : "real Redis + Sentinel";
        var (png, svg) = ModelVsRealChart.Render($"Model vs {against} — {report.ScenarioName}", caption, metrics);
        return [Save(directory, ModelVsRealChart.Name + ".png", png), Save(directory, ModelVsRealChart.Name + ".svg", svg)];
    }

    internal static List<ModelVsRealMetric> Metrics(CalibrationReport report)
    {
        var metrics = new List<ModelVsRealMetric>();
        foreach (var (name, value) in Charted)
        {
            if (report.Rows.FirstOrDefault(r => r.Metric == name) is not { } row)
            {
                continue;
            }

            // With Sentinel the promotion is a detail of the control-plane failover charted above it; a cluster has
            // only the promotion.
            if (name == "promotionSeconds" && !report.IsCluster)
            {
                continue;
            }

            var model = report.Model.Select(value).OfType<double>().ToList();
            var real = report.Real.Select(value).OfType<double>().ToList();
            metrics.Add(new ModelVsRealMetric(row.Label, model, real, row.AgreeLow, row.AgreeHigh, row.Agrees));
        }

        return metrics;
    }

    private static string Save(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
