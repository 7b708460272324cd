namespace RedisFailoverSim.Tests.Cli;

/// <summary>Redirects the process console to StringWriters until disposed.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _savedOut = Console.Out;
    private readonly TextWriter _savedError = Console.Error;

    public ConsoleCapture()
    {
        Console.SetOut(Out);
        Console.SetError(Error);
    }

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public void Dispose()
    {
        Console.SetOut(_savedOut);
        Console.SetError(_savedError);
    }
}
