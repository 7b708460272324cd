namespace RedisFailoverSim.Calibration;

/// <summary>
/// The real run could not be set up: a binary is missing, no free port, a process would not start or become
/// ready. The command prints the message and exits 2; no stack trace.
/// </summary>
public sealed class CalibrationSetupException : Exception
{
    /// <summary>Creates the exception with a message meant for the user.</summary>
    public CalibrationSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message meant for the user and its cause.</summary>
    public CalibrationSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
