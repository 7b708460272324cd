namespace RedisFailoverSim.Calibration;

/// <summary>
/// The folder a calibration writes into, made by the caller: a staging folder that becomes the destination only on
/// <see cref="Commit"/>, so an interrupted or failed calibration leaves nothing half-written and never replaces a
/// folder rfsim did not write. Disposing without committing removes the staging folder.
/// </summary>
public interface ICalibrationOutput : IDisposable
{
    /// <summary>Where the calibration's files and per-run folders go until <see cref="Commit"/>.</summary>
    string StagingPath { get; }

    /// <summary>The folder the files end up in.</summary>
    string DestinationPath { get; }

    /// <summary>Moves the staging folder into place.</summary>
    void Commit();
}
