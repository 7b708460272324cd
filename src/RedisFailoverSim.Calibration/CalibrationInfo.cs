namespace RedisFailoverSim.Calibration;

/// <summary>What <c>rfsim calibrate</c> can run: the self-hosted path only (the AWS paths cannot run locally).</summary>
public static class CalibrationInfo
{
    /// <summary>The only path calibration covers.</summary>
    public const string Path = "self-hosted";
}
