using RedisFailoverSim.Calibration;
using RedisFailoverSim.Reporting.Output;

namespace RedisFailoverSim.Cli.Commands;

/// <summary>
/// <c>rfsim calibrate --out DIR</c> through the same <see cref="OutputFolder"/> as <c>run</c>: staged, committed whole,
/// replacing only a folder its manifest says rfsim wrote. Folder trouble becomes a
/// <see cref="CalibrationSetupException"/>, which the calibration prints and exits 2 on.
/// </summary>
internal sealed class CalibrationOutputFolder : ICalibrationOutput
{
    private readonly OutputFolder _folder;

    private CalibrationOutputFolder(OutputFolder folder) => _folder = folder;

    public string StagingPath => _folder.StagingPath;

    public string DestinationPath => _folder.DestinationPath;

    public static ICalibrationOutput Begin(string destination)
    {
        try
        {
            return new CalibrationOutputFolder(OutputFolder.Begin(destination));
        }
        catch (OutputFolderException e)
        {
            throw new CalibrationSetupException($"output folder '{e.FolderPath}': {e.Message}", e);
        }
    }

    public void Commit()
    {
        try
        {
            _folder.Commit();
        }
        catch (OutputFolderException e)
        {
            throw new CalibrationSetupException($"output folder '{e.FolderPath}': {e.Message}", e);
        }
    }

    public void Dispose() => _folder.Dispose();
}
