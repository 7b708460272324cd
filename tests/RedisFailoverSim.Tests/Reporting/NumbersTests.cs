using RedisFailoverSim.Reporting.Terminal;

namespace RedisFailoverSim.Tests.Reporting;

/// <summary>The reading rules of docs/sources.md §15.7: one style per kind of quantity, the same under any culture.</summary>
public sealed class NumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(5012, "5,012")]
    [InlineData(1_234_567, "1,234,567")]
    public void Count_WholeWithThousandsSeparators(long value, string expected) =>
        Assert.Equal(expected, Numbers.Count(value));

    [Theory]
    [InlineData(0.5121, "0.51")]
    [InlineData(2.789, "2.79")]
    [InlineData(2928.41, "2,928.41")]
    [InlineData(-0.001, "0.00")]
    public void Milliseconds_AlwaysTwoDecimalsSoAColumnLinesUpOnThePoint(double value, string expected) =>
        Assert.Equal(expected, Numbers.Milliseconds(value));

    [Theory]
    [InlineData(31.048, "31.0")]
    [InlineData(0.034, "0.03")]
    [InlineData(0, "0.0")]
    [InlineData(1200, "1,200.0")]
    public void Seconds_ATenthAndAHundredthBelowOneSecond(double value, string expected) =>
        Assert.Equal(expected, Numbers.Seconds(value));

    [Theory]
    [InlineData(4373, 16106, "27.2%")]
    [InlineData(1, 3, "33.3%")]
    [InlineData(1, 10_000, "<0.1%")]
    [InlineData(0, 10, "0.0%")]
    [InlineData(0, 0, "0.0%")]
    public void Percent_ATenthNoSpaceAndNeverAFalseZero(long part, long whole, string expected) =>
        Assert.Equal(expected, Numbers.Percent(part, whole));

    [Fact]
    public void Money_DollarsWithCentsAndWholeDollarsOnAxes()
    {
        Assert.Equal("$1,234.50", Numbers.Money(1234.5));
        Assert.Equal("-", Numbers.Money(null));
        Assert.Equal("$1,235", Numbers.WholeMoney(1234.5));
    }

    [Theory]
    [InlineData(4373, "4,373")]
    [InlineData(69.0134, "69.013")]
    [InlineData(30.048, "30.048")]
    public void Judged_KeepsTheThousandthAClaimWasComparedAt(double value, string expected) =>
        Assert.Equal(expected, Numbers.Judged(value));

    [Theory]
    [InlineData(0.1752, "$0.1752")]
    [InlineData(0.02, "$0.02")]
    [InlineData(0.2, "$0.20")]
    [InlineData(690.64 / 8760, "$0.0788")]
    [InlineData(6125.0 / 8760, "$0.6992")]
    [InlineData(1396.5, "$1,396.50")]
    public void UnitPrice_CentsAtLeastAndUpToFourDecimals(double value, string expected) =>
        Assert.Equal(expected, Numbers.UnitPrice(value));

    [Theory]
    [InlineData(2, "2.00x")]
    [InlineData(1.4286, "1.43x")]
    public void Ratio_AHundredthAndAnX(double value, string expected) =>
        Assert.Equal(expected, Numbers.Ratio(value));

    [Fact]
    public void WholePercent_ForChartAxes() => Assert.Equal("25%", Numbers.WholePercent(25.2));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void EveryRule_UnderAnotherCulture_SameText(string culture)
    {
        var text = CultureScope.Run(culture, () => string.Join(
            " ",
            Numbers.Count(5012),
            Numbers.Milliseconds(2928.41),
            Numbers.Seconds(31.05),
            Numbers.Percent(4373, 16106),
            Numbers.Money(1234.5),
            Numbers.ByUnit(4363.8, "writes"),
            Numbers.Judged(69.013),
            Numbers.UnitPrice(1396.5),
            Numbers.Ratio(1.4286)));

        Assert.Equal("5,012 2,928.41 31.1 27.2% $1,234.50 4,363.8 69.013 $1,396.50 1.43x", text);
    }
}
