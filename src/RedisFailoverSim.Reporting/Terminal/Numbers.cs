using System.Globalization;

namespace RedisFailoverSim.Reporting.Terminal;

/// <summary>
/// The one number style of everything a person reads (terminal tables and summaries, the reports, the sweep and
/// decide output, chart labels), after docs/sources.md §15.7: invariant culture always (the same bytes under any
/// locale), thousands separators, and a fixed number of decimals per kind of quantity so a column's numbers line up
/// on the point (2,928.41 beside 2.79 ms, never 2928 beside 2.789). Files meant for programs (results.json, CSV)
/// use <see cref="Results.InvariantNumbers"/> instead: no separators, more decimals.
/// </summary>
public static class Numbers
{
    /// <summary>A whole count (writes, runs, nodes, ops/s): <c>5,012</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A whole figure held as a double (ops/s, a count from a model), rounded to the unit: <c>5,012</c>.</summary>
    public static string Count(double value) => Fixed(value, "#,0");

    /// <summary>Milliseconds to a hundredth (ten microseconds): <c>0.51</c>, <c>2,928.41</c>.</summary>
    public static string Milliseconds(double value) => Fixed(value, "#,0.00");

    /// <summary>
    /// Seconds to a tenth (failovers take seconds; a tenth is what a reader compares), to a hundredth below one
    /// second so a graceful failover is not "0.0": <c>31.0</c>, <c>0.03</c>, <c>1,200.0</c>.
    /// </summary>
    public static string Seconds(double value) => Fixed(value, value is > 0 and < 1 ? "0.00" : "#,0.0");

    /// <summary>
    /// <paramref name="part"/> as a share of <paramref name="whole"/> to a tenth of a percent, no space before the
    /// sign: <c>27.2%</c>, <c>0.4%</c>; <c>&lt;0.1%</c> for a share that is not zero but would round to it;
    /// <c>0.0%</c> for none (or nothing to share).
    /// </summary>
    public static string Percent(long part, long whole)
    {
        if (whole == 0 || part == 0)
        {
            return "0.0%";
        }

        return Percent(100.0 * part / whole);
    }

    /// <summary>A percentage already in percent (27.2 for 27.2 %), under the rules of <see cref="Percent(long, long)"/>.</summary>
    public static string Percent(double percent) => percent is > 0 and < 0.05
        ? "<0.1%"
        : Fixed(percent, "#,0.0") + "%";

    /// <summary>US dollars with cents: <c>$1,234.50</c>; <c>-</c> for none.</summary>
    public static string Money(double? value) => value is { } v ? "$" + Fixed(v, "#,0.00") : "-";

    /// <summary>Whole US dollars, for chart axes and rough totals: <c>$1,235</c>.</summary>
    public static string WholeMoney(double value) => "$" + Fixed(value, "#,0");

    /// <summary>
    /// A unit price in US dollars (an hourly node rate, a GB or million-ECPU rate): cents at least, up to four decimals
    /// as AWS's price tables print them, no trailing zeros past the cents, so a table's $0.1752 stays $0.1752 and an
    /// hourly rate derived from a yearly price does not print its float noise: <c>$0.1752</c>, <c>$0.02</c>,
    /// <c>$0.0788</c> (690.64 / 8,760), <c>$1,396.50</c>.
    /// </summary>
    public static string UnitPrice(double value) => "$" + Fixed(value, "#,0.00##");

    /// <summary>A ratio of two like quantities (one price against another) to a hundredth: <c>2.00x</c>, <c>1.43x</c>.</summary>
    public static string Ratio(double value) => Fixed(value, "#,0.00") + "x";

    /// <summary>A whole percentage, for chart axes: <c>25%</c>.</summary>
    public static string WholePercent(double percent) => Fixed(percent, "#,0") + "%";

    /// <summary>
    /// A value an <c>expect:</c> claim was judged on, to the thousandth it was compared at (so 30.048 against
    /// <c>&lt;= 30.05</c> does not print as 30.0), trailing zeros dropped: <c>4,373</c>, <c>69.013</c>.
    /// </summary>
    public static string Judged(double value) => Fixed(Math.Round(value, 3, MidpointRounding.AwayFromZero), "#,0.###");

    /// <summary>
    /// A value in <paramref name="unit"/> (sweep statistics): <c>ms</c> as <see cref="Milliseconds"/>, <c>s</c> to a
    /// hundredth (sweep statistics compare runs closer than a tenth), anything else (a mean of writes is not a whole
    /// count) to a tenth: <c>4,363.8</c>.
    /// </summary>
    public static string ByUnit(double value, string unit) => unit switch
    {
        "ms" => Milliseconds(value),
        "s" => Fixed(value, "#,0.00"),
        _ => Fixed(value, "#,0.0"),
    };

    /// <summary>A size or rate with at most <paramref name="decimals"/> decimals and no trailing zeros: <c>42.5</c>, <c>1,050</c>.</summary>
    public static string Amount(double value, int decimals) =>
        Fixed(value, decimals > 0 ? "#,0." + new string('#', decimals) : "#,0");

    /// <summary><paramref name="value"/> in <paramref name="format"/>, with no "-0.00" for a value that rounds to zero.</summary>
    private static string Fixed(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.', ',').Length == 0 ? text[1..] : text;
    }
}
