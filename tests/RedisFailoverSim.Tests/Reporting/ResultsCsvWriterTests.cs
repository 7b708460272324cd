using RedisFailoverSim.Reporting.Results;

namespace RedisFailoverSim.Tests.Reporting;

public class ResultsCsvWriterTests
{
    [Fact]
    public void ToCsv_Header_ListsDocumentedColumnsInOrder()
    {
        var csv = ResultsCsvWriter.ToCsv(ReportFixtures.Report(ReportFixtures.SplitBrain()));

        Assert.Equal(
            "path,writes_attempted,writes_acked,writes_acked_lost,writes_failed,writes_unknown,writes_unknown_present,failover_client_observed_s,failover_control_plane_s,write_latency_p50_ms,write_latency_p99_ms,write_latency_p999_ms,write_latency_max_ms,window_write_latency_p50_ms,window_write_latency_p99_ms,window_write_latency_p999_ms,window_write_latency_max_ms,split_brain_s,split_brain_acked_lost,failover_count,final_epoch,converged,scenario,seed,no_ack_s,longest_no_ack_s,worst_client_no_ack_s,shard,writes_duplicated,writes_duplicated_acked",
            csv.Split('\n')[0]);
        Assert.Equal(string.Join(',', ResultsCsvWriter.Columns), csv.Split('\n')[0]);
    }

    [Fact]
    public void ToCsv_SplitBrainPath_WritesRowWithUnitsRounded()
    {
        var csv = ResultsCsvWriter.ToCsv(ReportFixtures.Report(ReportFixtures.SplitBrain()));

        Assert.Equal(
            "self-hosted,2000,1998,1126,1,1,0,33.123,32.001,0.512,3.200,5012.250,31000.100,0.610,4.000,5100.000,31000.100,41.200,1126,1,1,true,az-partition-split-brain,42,0.000,0.000,0.000,,0,0",
            csv.Split('\n')[1]);
    }

    [Fact]
    public void ToCsv_NoFailover_LeavesFailoverCellsEmpty()
    {
        var csv = ResultsCsvWriter.ToCsv(ReportFixtures.Report(ReportFixtures.Clean()));

        Assert.Equal(
            "memorydb,1000,1000,0,0,0,0,,,2.500,4.750,6.000,7.125,0.000,0.000,0.000,0.000,0.000,0,0,0,true,az-partition-split-brain,42,0.000,0.000,0.000,,0,0",
            csv.Split('\n')[1]);
    }

    [Fact]
    public void ToCsv_TwoPaths_HasHeaderTwoRowsAndFinalLf()
    {
        var csv = ResultsCsvWriter.ToCsv(ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean()));

        Assert.Equal(4, csv.Split('\n').Length);
        Assert.EndsWith("\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_ScenarioNameWithComma_IsQuoted()
    {
        var report = ReportFixtures.Report(ReportFixtures.Clean()) with { ScenarioName = "a,\"b\"" };

        var row = ResultsCsvWriter.ToCsv(report).Split('\n')[1];

        Assert.EndsWith(",\"a,\"\"b\"\"\",42,0.000,0.000,0.000,,0,0", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_UnderGermanCulture_IsIdenticalToInvariant()
    {
        var report = ReportFixtures.Report(ReportFixtures.SplitBrain(), ReportFixtures.Clean());

        Assert.Equal(ResultsCsvWriter.ToCsv(report), CultureScope.Run("de-DE", () => ResultsCsvWriter.ToCsv(report)));
    }
}
