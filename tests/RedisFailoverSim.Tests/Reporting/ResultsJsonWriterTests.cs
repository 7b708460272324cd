using System.Globalization;
using System.Text.Json;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Tests.Reporting;

public class ResultsJsonWriterTests
{
    private const string Golden = """
{
  "schemaVersion": 1,
  "tool": {
    "name": "rfsim",
    "version": "0.1.0",
    "commit": "c3a6c48c2e530a4b72d3a7aba72ea22ecff22064"
  },
  "seed": 42,
  "scenario": {
    "name": "az-partition-split-brain",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "file": "az-partition-split-brain.yaml",
    "description": "The Jepsen 2013 partition. Clients write on both sides."
  },
  "paths": [
    {
      "path": "self-hosted",
      "writes": {
        "attempted": 2000,
        "acknowledged": 1998,
        "acknowledgedLost": 1126,
        "failed": 1,
        "unknown": 1,
        "unknownPresent": 0,
        "duplicated": 0,
        "duplicatedAcknowledged": 0
      },
      "failover": {
        "clientObservedSeconds": 33.123,
        "controlPlaneSeconds": 32.001,
        "switchMasterSeconds": 32.500,
        "newPrimary": "n5"
      },
      "latencyMs": {
        "p50": 0.512,
        "p99": 3.200,
        "p999": 5012.250,
        "max": 31000.100,
        "count": 1998
      },
      "latencyInFailureWindowMs": {
        "p50": 0.610,
        "p99": 4.000,
        "p999": 5100.000,
        "max": 31000.100,
        "count": 1200
      },
      "splitBrainSeconds": 41.200,
      "splitBrainAcknowledgedLost": 1126,
      "failoverCount": 1,
      "finalEpoch": 1,
      "converged": true,
      "failureWindowSeconds": {
        "start": 10.000,
        "end": 70.000
      },
      "endSeconds": 130.500,
      "availability": {
        "noAckSeconds": 0.000,
        "longestNoAckSeconds": 0.000,
        "worstClientNoAckSeconds": 0.000,
        "worstClient": null
      },
      "facts": [
        {
          "key": "splitBrain",
          "value": true,
          "detail": "n1 and n5 were both primary for 41.2 s → n1 demoted at heal"
        }
      ],
      "usage": {
        "crossAzGigabytes": 0.012346
      }
    },
    {
      "path": "memorydb",
      "writes": {
        "attempted": 1000,
        "acknowledged": 1000,
        "acknowledgedLost": 0,
        "failed": 0,
        "unknown": 0,
        "unknownPresent": 0,
        "duplicated": 0,
        "duplicatedAcknowledged": 0
      },
      "failover": null,
      "latencyMs": {
        "p50": 2.500,
        "p99": 4.750,
        "p999": 6.000,
        "max": 7.125,
        "count": 1000
      },
      "latencyInFailureWindowMs": {
        "p50": 0.000,
        "p99": 0.000,
        "p999": 0.000,
        "max": 0.000,
        "count": 0
      },
      "splitBrainSeconds": 0.000,
      "splitBrainAcknowledgedLost": 0,
      "failoverCount": 0,
      "finalEpoch": 0,
      "converged": true,
      "failureWindowSeconds": null,
      "endSeconds": 60.000,
      "availability": {
        "noAckSeconds": 0.000,
        "longestNoAckSeconds": 0.000,
        "worstClientNoAckSeconds": 0.000,
        "worstClient": null
      },
      "facts": [],
      "usage": {}
    }
  ],
  "expectations": [
    {
      "path": "self-hosted",
      "metric": "acknowledgedLost",
      "claim": "acknowledgedLost: \"> 0\"",
      "line": 31,
      "status": "held",
      "actual": 1126,
      "detail": ""
    }
  ]
}
""";

    [Fact]
    public void ToJson_SplitBrainAndCleanPaths_MatchesGoldenText()
    {
        var report = ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean());

        Assert.Equal(Golden + "\n", ResultsJsonWriter.ToJson(report));
    }

    [Fact]
    public void ToJson_PathWithoutFailover_WritesFailoverNull()
    {
        var json = ResultsJsonWriter.ToJson(ReportFixtures.Report(ReportFixtures.Clean()));

        using var document = JsonDocument.Parse(json);
        var failover = document.RootElement.GetProperty("paths")[0].GetProperty("failover");
        Assert.Equal(JsonValueKind.Null, failover.ValueKind);
    }

    [Fact]
    public void ToJson_TopLevelAndPathFields_AreInSchemaOrderWithExtrasAfterRequired()
    {
        using var document = JsonDocument.Parse(ResultsJsonWriter.ToJson(ReportFixtures.Report(ReportFixtures.SplitBrain())));

        var top = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        var path = document.RootElement.GetProperty("paths")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["schemaVersion", "tool", "seed", "scenario", "paths", "expectations"], top);
        Assert.Equal(
            [
                "path", "writes", "failover", "latencyMs", "latencyInFailureWindowMs", "splitBrainSeconds",
                "splitBrainAcknowledgedLost", "failoverCount", "finalEpoch", "converged", "failureWindowSeconds",
                "endSeconds", "availability", "facts", "usage",
            ],
            path);
    }

    [Fact]
    public void Write_SameReportTwice_GivesIdenticalBytes()
    {
        var first = WriteBytes(ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean()));
        var second = WriteBytes(ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean()));

        Assert.Equal(first, second);
        Assert.Equal((byte)'{', first[0]); // no BOM
    }

    [Fact]
    public void ToJson_UnderGermanCulture_IsIdenticalToInvariant()
    {
        var report = ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean());
        var invariant = ResultsJsonWriter.ToJson(report);

        var german = CultureScope.Run("de-DE", () => ResultsJsonWriter.ToJson(report));

        Assert.Equal(invariant, german);
        Assert.Contains("\"p50\": 0.512,", german, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NegativeZeroAndHalfway_RoundsAwayFromZeroWithoutMinusZero()
    {
        var result = ReportFixtures.Clean() with { SplitBrainSeconds = -0.0001, EndSeconds = 2.0625 };

        var json = ResultsJsonWriter.ToJson(ReportFixtures.Report(result));

        Assert.Contains("\"splitBrainSeconds\": 0.000,", json, StringComparison.Ordinal);
        Assert.Contains("\"endSeconds\": 2.063,", json, StringComparison.Ordinal);
    }

    private static byte[] WriteBytes(RunReport report)
    {
        using var stream = new MemoryStream();
        ResultsJsonWriter.Write(report, stream);
        return stream.ToArray();
    }
}
