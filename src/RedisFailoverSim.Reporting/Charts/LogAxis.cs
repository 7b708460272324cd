using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// ScottPlot 5 has no logarithmic axis: values are plotted as log10 and the axis gets decade ticks labelled with
/// the real values (ScottPlot 5 has no log axis; its cookbook does the same).
/// </summary>
internal static class LogAxis
{
    /// <summary>The log10 of a value, clamped to <paramref name="floor"/> so zero stays on the chart.</summary>
    public static double Of(double value, double floor) => Math.Log10(Math.Max(value, floor));

    /// <summary>Decades that cover [<paramref name="min"/>, <paramref name="max"/>] (both positive).</summary>
    public static (int Low, int High) Decades(double min, double max)
    {
        int low = (int)Math.Floor(Math.Log10(min));
        int high = (int)Math.Ceiling(Math.Log10(max));
        return (low, Math.Max(high, low + 1));
    }

    /// <summary>
    /// Major ticks at each decade (labelled with the real value), minor ticks at 2..9 times it; over two decades
    /// or less, 2 and 5 times each decade are labelled too, so a narrow axis still has numbers to read.
    /// </summary>
    public static NumericManual Ticks(int lowDecade, int highDecade)
    {
        var ticks = new NumericManual();
        foreach (var (position, label) in TickValues(lowDecade, highDecade))
        {
            if (label is null)
            {
                ticks.AddMinor(position);
            }
            else
            {
                ticks.AddMajor(position, label);
            }
        }

        return ticks;
    }

    /// <summary>The ticks of <see cref="Ticks"/>: log10 position and label (null for a minor tick).</summary>
    public static List<(double Position, string? Label)> TickValues(int lowDecade, int highDecade)
    {
        bool narrow = highDecade - lowDecade <= 2;
        var ticks = new List<(double, string?)>();
        for (int d = lowDecade; d <= highDecade; d++)
        {
            ticks.Add((d, Label(Math.Pow(10, d))));
            if (d == highDecade)
            {
                break;
            }

            for (int m = 2; m <= 9; m++)
            {
                ticks.Add((d + Math.Log10(m), narrow && m is 2 or 5 ? Label(m * Math.Pow(10, d)) : null));
            }
        }

        return ticks;
    }

    /// <summary>A decade's label: 0.01, 0.1, 1, 10, 100, 1,000, 10,000.</summary>
    public static string Label(double value) => value < 1
        ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : value.ToString("#,0", CultureInfo.InvariantCulture);
}
