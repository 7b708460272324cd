using System.Globalization;

namespace RedisFailoverSim.Reporting.Results;

/// <summary>
/// How numbers are written into files: culture-proof (the invariant culture), rounded once, with a fixed number of
/// decimals so that the same result always gives the same bytes and a diff shows only real changes.
/// </summary>
internal static class InvariantNumbers
{
    /// <summary>Decimals for seconds and milliseconds: a microsecond resolution for both is plenty.</summary>
    public const int TimeDecimals = 3;

    /// <summary>
    /// <paramref name="value"/> rounded half away from zero to <paramref name="decimals"/> places, written with
    /// exactly that many; "-0.000" becomes "0.000". Null for NaN and infinities, which JSON cannot hold.
    /// </summary>
    public static string? Fixed(double value, int decimals = TimeDecimals)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // drops the sign of -0.0
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A free-form quantity (usage figures): rounded to 6 decimals, then the shortest text that round-trips,
    /// so 1.5 stays "1.5" and 1/3 becomes "0.333333". Null for NaN and infinities.
    /// </summary>
    public static string? Quantity(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        var rounded = Math.Round(value, 6, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer count, invariant.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
