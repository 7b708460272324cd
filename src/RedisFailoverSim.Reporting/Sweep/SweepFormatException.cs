namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>A sweep file that cannot be read or partial results that cannot be merged; the message says why.</summary>
public sealed class SweepFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SweepFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
