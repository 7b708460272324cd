namespace RedisFailoverSim.Reporting.Charts;

/// <summary>Maps data coordinates to a pixel cell, to draw each cell's dots once.</summary>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge.</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge.</param>
/// <param name="Width">Cells across.</param>
/// <param name="Height">Cells up.</param>
internal readonly record struct PixelGrid(double XMin, double XMax, double YMin, double YMax, int Width, int Height)
{
    /// <summary>The cell of (<paramref name="x"/>, <paramref name="y"/>) as one number.</summary>
    public long Cell(double x, double y)
    {
        long cx = (long)Math.Floor((x - XMin) / (XMax - XMin) * Width);
        long cy = (long)Math.Floor((y - YMin) / (YMax - YMin) * Height);
        return (cx * 1_000_003) + cy;
    }
}
