using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Scenarios.Reading;

namespace RedisFailoverSim.Tests.Scenarios;

public class ScalarTextTests
{
    [Theory]
    [InlineData("500ms", 500_000_000L)]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("2m", 120_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("220us", 220_000L)]
    [InlineData("1h", 3_600_000_000_000L)]
    [InlineData("0s", 0L)]
    [InlineData(" 10S ", 10_000_000_000L)]
    public void Duration_WithUnits_ExactNanoseconds(string text, long nanoseconds)
    {
        Assert.Equal(SimDuration.FromNanoseconds(nanoseconds), ScalarText.Duration(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("30", "expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found the unitless number 30")]
    [InlineData("1.5", "expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found the unitless number 1.5")]
    [InlineData("soon", "expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found 'soon'")]
    [InlineData("30 s", "expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found '30 s'")]
    [InlineData("-5s", "expected a duration that is not negative; found '-5s'")]
    [InlineData("0.5ns", "expected a whole number of nanoseconds; found '0.5ns'")]
    [InlineData("31d", "expected a duration of at most 30 days; found '31d'")]
    [InlineData("99999999999999999999999999999999d", "expected a duration of at most 30 days; found '99999999999999999999999999999999d'")]
    public void Duration_Malformed_SaysWhatWasExpected(string text, string message)
    {
        Assert.Null(ScalarText.Duration(text, out var problem));
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("100kb", 102_400L)]
    [InlineData("1mb", 1_048_576L)]
    [InlineData("1MB", 1_048_576L)]
    [InlineData("1m", 1_000_000L)]
    [InlineData("2k", 2_000L)]
    [InlineData("1gb", 1_073_741_824L)]
    public void Size_RedisConfUnits_ExactBytes(string text, long bytes)
    {
        Assert.Equal(bytes, ScalarText.Size(text, out _));
    }

    [Fact]
    public void Size_Fraction_Refused()
    {
        Assert.Null(ScalarText.Size("1.5mb", out var problem));
        Assert.Equal("expected a size in bytes (e.g. 512, 100kb, 1mb); found '1.5mb'", problem);
    }

    [Theory]
    [InlineData("yes", "expected true or false; found 'yes'")]
    [InlineData("1", "expected true or false; found '1'")]
    public void Boolean_NotTrueOrFalse_Refused(string text, string message)
    {
        Assert.Null(ScalarText.Boolean(text, out var problem));
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData("durration", "duration")]
    [InlineData("down_after_milliseconds", "down-after-milliseconds")]
    [InlineData("DownAfterMilliseconds", "down-after-milliseconds")]
    [InlineData("down-after-ms", "down-after-milliseconds")]
    [InlineData("qourum", "quorum")]
    [InlineData("banana", null)]
    public void Suggestions_Misspelling_ClosestAllowedWord(string word, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(word, ["quorum", "down-after-milliseconds", "failover-timeout", "duration"]));
    }
}
