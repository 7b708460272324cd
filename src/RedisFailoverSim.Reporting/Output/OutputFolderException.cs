namespace RedisFailoverSim.Reporting.Output;

/// <summary>The output folder could not be written: disk or permission trouble, or a folder we must not replace.</summary>
public sealed class OutputFolderException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public OutputFolderException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FolderPath = path;
    }

    /// <summary>The output folder the user asked for.</summary>
    public string FolderPath { get; }
}
