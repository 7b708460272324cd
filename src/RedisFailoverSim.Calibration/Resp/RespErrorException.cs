namespace RedisFailoverSim.Calibration.Resp;

/// <summary>An error reply (<c>-ERR ...</c>) to an administrative command.</summary>
internal sealed class RespErrorException : Exception
{
    /// <summary>Creates the exception from the server's error text.</summary>
    public RespErrorException(string message)
        : base(message)
    {
    }
}
