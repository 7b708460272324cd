using System.Globalization;

namespace RedisFailoverSim.Reporting.Terminal;

/// <summary>
/// One number style for the terminal tables, the sweep charts' titles and the sweep report: invariant culture,
/// thousands separators, and a fixed number of decimals per unit so a column's numbers line up on the point
/// (milliseconds 2,928.41 and 2.79, never 2928 beside 2.789).
/// </summary>
public static class Numbers
{
    /// <summary>A count: <c>16,106</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds to a hundredth: <c>0.53</c>, <c>2,928.41</c>.</summary>
    public static string Milliseconds(double value) => Fixed(value, "#,0.00");

    /// <summary>Seconds to a tenth (failovers take seconds; a tenth is what a reader compares): <c>31.1</c>.</summary>
    public static string Seconds(double value) => Fixed(value, "#,0.0");

    /// <summary>
    /// A value in <paramref name="unit"/>: <c>ms</c> as <see cref="Milliseconds"/>, <c>s</c> to a hundredth (sweep
    /// statistics compare runs closer than a tenth), anything else (writes) to a tenth: <c>4,363.8</c>.
    /// </summary>
    public static string ByUnit(double value, string unit) => unit switch
    {
        "ms" => Milliseconds(value),
        "s" => Fixed(value, "#,0.00"),
        _ => Fixed(value, "#,0.0"),
    };

    /// <summary><paramref name="value"/> in <paramref name="format"/>, with no "-0.00" for a value that rounds to zero.</summary>
    private static string Fixed(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.', ',').Length == 0 ? text[1..] : text;
    }
}
