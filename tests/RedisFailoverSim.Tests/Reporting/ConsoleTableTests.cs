using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Reporting.Terminal;
using Spectre.Console;

namespace RedisFailoverSim.Tests.Reporting;

public class ConsoleTableTests
{
    [Fact]
    public void Row_SplitBrain_ShowsLostWithPercentFailoverAndLatency()
    {
        var row = ConsoleTable.Row(ReportFixtures.SplitBrain());

        Assert.Equal(
            ["self-hosted", "1,998", "1,126 (56.4%)", "1", "1", "33.1", "32.0", "0.51", "3.20", "5,012.25", "41.2"],
            row);
    }

    [Fact]
    public void Row_NoFailover_ShowsDashes()
    {
        var row = ConsoleTable.Row(ReportFixtures.Clean());

        Assert.Equal(["memorydb", "1,000", "0 (0.0%)", "0", "0", "-", "-", "2.50", "4.75", "6.00", "0.0"], row);
    }

    [Fact]
    public void Row_FailoverButNoWriteAcknowledgedByNewPrimary_ShowsNever()
    {
        var result = ReportFixtures.SplitBrain() with { Failover = new FailoverMetrics(null, 31.5, null, "n3") };

        Assert.Equal("never", ConsoleTable.Row(result)[5]);
    }

    [Fact]
    public void Summary_JepsenNumbers_PrintsFourLines()
    {
        var lines = ConsoleTable.Summary(ReportFixtures.SplitBrain());

        Assert.Equal(
            [
                "2,000 total (1 failed, 1 unknown of which 0 survived)",
                "1,998 acknowledged",
                "872 survivors",
                "1,126 acknowledged writes lost (56.4%)",
            ],
            lines);
    }

    [Fact]
    public void LostPercent_NothingAcknowledged_IsZeroPercent()
    {
        Assert.Equal("0.0%", ConsoleTable.LostPercent(new WriteCounts(10, 0, 0, 10, 0, 0)));
    }

    [Fact]
    public void Build_RenderedUnderGermanCultureWithoutTerminal_HasOneRowPerPath()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;

        CultureScope.Run("de-DE", () =>
        {
            console.Write(ConsoleTable.Build([ReportFixtures.SplitBrain(), ReportFixtures.Clean()]));
            return 0;
        });

        var text = output.ToString();
        Assert.Contains("1,126 (56.4%)", text, StringComparison.Ordinal);
        Assert.Contains("memorydb", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split('\n').Count(l => l.Contains("self-hosted", StringComparison.Ordinal)));
    }

    [Fact]
    public void Row_UnderGermanCulture_UsesDecimalPoints()
    {
        var row = CultureScope.Run("de-DE", () => ConsoleTable.Row(ReportFixtures.SplitBrain()));

        Assert.Equal("0.51", row[7]);
        Assert.Equal("1,126 (56.4%)", row[2]);
    }
}
