using RedisFailoverSim.Cli.Sweep;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Sweep;

public sealed class VaryParserTests
{
    [Fact]
    public void TryParse_ListOfLibraries_KeepsTheNamesInOrderNumberedByPosition()
    {
        var axis = VaryParser.TryParse("client.library=redis-py, ioredis,lettuce", out var problem);

        Assert.Null(problem);
        Assert.NotNull(axis);
        Assert.True(axis.IsList);
        Assert.Equal("client.library", axis.Key);
        Assert.Equal(["redis-py", "ioredis", "lettuce"], axis.Values.Select(v => v.Text));
        Assert.Equal([0.0, 1.0, 2.0], axis.Values.Select(v => v.Number));
        Assert.Equal("client.library=redis-py,ioredis,lettuce", axis.Spec);
        Assert.Equal("", axis.Unit);
    }

    [Fact]
    public void TryParse_ListOfUnevenDurations_IsAListNotARange()
    {
        var axis = VaryParser.TryParse("faults[0].duration=5s,7.5s,60s", out var problem);

        Assert.Null(problem);
        Assert.True(axis!.IsList);
        Assert.Equal(["5s", "7.5s", "60s"], axis.Values.Select(v => v.Text));
    }

    [Theory]
    [InlineData("client.library=redis-py,redis-py", "'client.library=redis-py,redis-py': the value redis-py is listed twice")]
    [InlineData("client.library=redis-py,,ioredis", "'client.library=redis-py,,ioredis': a list needs a value between every two commas and at both ends")]
    [InlineData("client.library=redis-py,", "'client.library=redis-py,': a list needs a value between every two commas and at both ends")]
    public void TryParse_BadList_SaysWhatIsWrong(string text, string expected)
    {
        var axis = VaryParser.TryParse(text, out var problem);

        Assert.Null(axis);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryParse_SecondsFiveToOneTwentyInEight_InterpolatesInSecondsRoundedToNanoseconds()
    {
        var axis = VaryParser.TryParse("faults[0].duration=5s..120s:8", out var problem);

        Assert.Null(problem);
        Assert.NotNull(axis);
        Assert.Equal("faults[0].duration", axis.Key);
        Assert.Equal("s", axis.Unit);
        Assert.Equal(
            ["5s", "21.428571429s", "37.857142857s", "54.285714286s", "70.714285714s", "87.142857143s", "103.571428571s", "120s"],
            axis.Values.Select(v => v.Text));
        Assert.Equal(21.428571429, axis.Values[1].Number);
        Assert.Equal("faults[0].duration (s)", axis.Label);
    }

    [Fact]
    public void TryParse_WholeMillisecondsInSix_GivesExactSteps()
    {
        var axis = VaryParser.TryParse("sentinel.down-after-milliseconds=5000..30000:6", out _);

        Assert.Equal(["5000", "10000", "15000", "20000", "25000", "30000"], axis!.Values.Select(v => v.Text));
        Assert.Equal("", axis.Unit);
    }

    [Fact]
    public void TryParse_WholeEndsUnevenSteps_RoundsHalfAwayFromZeroToWholeNumbers()
    {
        var axis = VaryParser.TryParse("workload.rate=100..10000:5", out _);
        var uneven = VaryParser.TryParse("sentinel.down-after-milliseconds=5000..30000:4", out _);

        Assert.Equal(["100", "2575", "5050", "7525", "10000"], axis!.Values.Select(v => v.Text));
        Assert.Equal(["5000", "13333", "21667", "30000"], uneven!.Values.Select(v => v.Text));
    }

    [Fact]
    public void TryParse_DecimalEnds_KeepsFractions()
    {
        var axis = VaryParser.TryParse("network.cross-az-sigma=0.0..1.0:3", out _);

        Assert.Equal(["0", "0.5", "1"], axis!.Values.Select(v => v.Text));
        Assert.Equal(0.5, axis.Values[1].Number);
    }

    [Fact]
    public void TryParse_Minutes_WritesSecondsAndChartsMinutes()
    {
        var axis = VaryParser.TryParse("workload.duration=1m..2m:4", out _);

        Assert.Equal(["60s", "80s", "100s", "120s"], axis!.Values.Select(v => v.Text));
        Assert.Equal(4.0 / 3.0, axis.Values[1].Number, precision: 9);
        Assert.Equal("m", axis.Unit);
    }

    [Fact]
    public void TryParse_DurationGridValue_IsReadByTheLoaderToTheNanosecond()
    {
        var axis = VaryParser.TryParse("faults[0].duration=5s..120s:8", out _)!;
        var yaml = System.Text.Encoding.UTF8.GetBytes(SweepFixture.Yaml + "\n");

        var scenario = ScenarioLoader.Parse(yaml, "crash.yaml", [new ScenarioOverride(axis.Key, axis.Values[1].Text)]);

        Assert.Equal(SimDuration.FromNanoseconds(21_428_571_429), scenario.World.Faults[0].Duration);
    }

    [Theory]
    [InlineData("faults[0].duration", "expected name=from..to:steps (e.g. faults[0].duration=5s..120s:8) or name=a,b,c (e.g. client.library=stackexchange-redis,redis-py); found 'faults[0].duration'")]
    [InlineData("workload.rate=1..9", "expected name=from..to:steps (e.g. faults[0].duration=5s..120s:8) or name=a,b,c (e.g. client.library=stackexchange-redis,redis-py); found 'workload.rate=1..9'")]
    [InlineData("workload.rate=1..9:x", "'workload.rate=1..9:x': steps must be a whole number from 2 to 1000 (the values include both ends); found 'x'")]
    [InlineData("workload.rate=a..9:3", "'workload.rate=a..9:3': expected from and to as numbers with an optional unit (5000, 0.5, 30s, 250ms); found 'a' and '9'")]
    [InlineData("faults[0].at=1m30s..2m:3", "'faults[0].at=1m30s..2m:3': expected from and to as numbers with an optional unit (5000, 0.5, 30s, 250ms); found '1m30s' and '2m'")]
    public void TryParse_BadSpec_SaysWhatWasExpected(string spec, string expected)
    {
        var axis = VaryParser.TryParse(spec, out var problem);

        Assert.Null(axis);
        Assert.Equal(expected, problem);
    }
}
