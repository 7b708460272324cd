namespace RedisFailoverSim.Reporting.Charts;

/// <summary>
/// A panel's visible data range and its scale in pixels, for marks drawn by hand (stripes) that must look the same
/// at any zoom.
/// </summary>
/// <param name="From">Left edge (seconds).</param>
/// <param name="To">Right edge (seconds).</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="PixelsPerX">Pixels per x unit.</param>
/// <param name="PixelsPerY">Pixels per y unit.</param>
internal readonly record struct ChartView(double From, double To, double Bottom, double Top, double PixelsPerX, double PixelsPerY)
{
    /// <summary>The view of a <see cref="Panel"/> of <paramref name="panelHeight"/> pixels in a default-width figure.</summary>
    public static ChartView For(double from, double to, double bottom, double top, int panelHeight)
    {
        double width = Figure.DefaultWidth - Panel.Left - Panel.Right;
        double height = panelHeight - Panel.Top - Panel.Bottom;
        return new ChartView(from, to, bottom, top, width / (to - from), height / (top - bottom));
    }
}
