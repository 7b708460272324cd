using System.Globalization;
using System.Runtime.InteropServices;

namespace RedisFailoverSim.Cli;

/// <summary>Entry point of the <c>rfsim</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Runs the command line and returns the process exit code: 0 ran and every <c>expect:</c> held, 1 an
    /// expectation failed, 2 bad input or usage, 3 internal error, 130 cancelled (Ctrl-C), 143 terminated (SIGTERM).
    /// </summary>
    public static int Main(string[] args)
    {
        // Every byte rfsim writes is culture-independent by construction; this is the safety net for any formatting
        // that forgot its IFormatProvider.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return RunWithCtrlC(args, CliEnvironment.FromConsole);
    }

    /// <summary>
    /// Runs <paramref name="args"/> with Ctrl-C wired to the environment's cancellation token. The first Ctrl-C
    /// asks the run to stop at its next progress report and delete its staging folder; a second one ends the
    /// process at once. SIGTERM (a batch scheduler's time limit, <c>kill</c>, a container stop) stops the same way and
    /// exits 143 (128 + 15, the shell's convention).
    /// </summary>
    internal static int RunWithCtrlC(string[] args, Func<CancellationToken, CliEnvironment> environment)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        var terminated = false;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            terminated = true;
            cancellation.Cancel();
        });
        try
        {
            var exit = CliApp.Run(args, environment(cancellation.Token));
            return terminated && exit == ExitCodes.Cancelled ? ExitCodes.Terminated : exit;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
