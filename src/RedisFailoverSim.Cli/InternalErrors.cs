using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Cli;

/// <summary>
/// How a bug in rfsim reaches the user: one line naming it, the command that replays it when there is one, and the
/// stack trace only when <c>RFSIM_DEBUG=1</c> is set (users get no stack traces; whoever fixes it wants one).
/// </summary>
internal static class InternalErrors
{
    /// <summary>The environment variable that adds the stack trace.</summary>
    public const string DebugVariable = "RFSIM_DEBUG";

    /// <summary>
    /// True for exceptions that mean rfsim is wrong, not the input, the disk or the user's Ctrl-C.
    /// </summary>
    public static bool IsBug(Exception e) =>
        e is not (OperationCanceledException or IOException or UnauthorizedAccessException or RedisFailoverSim.Scenarios.ScenarioException
            or NotImplementedException);

    /// <summary>
    /// Prints the error; <paramref name="replay"/> is the command line that reproduces it, or null;
    /// <paramref name="where"/> says where it happened (<c>path self-hosted, seed 42</c>).
    /// </summary>
    public static void Print(TextWriter error, Exception e, string? replay, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(e);
        var what = e is InvariantViolatedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        error.WriteLine($"internal error: {what}{(where is null ? "" : $" ({where})")}");
        error.WriteLine(replay is null
            ? "please report it with the command line and the scenario file"
            : $"replay with: {replay}");
        if (replay is not null)
        {
            error.WriteLine("please report it with that command and the scenario file");
        }

        if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
        {
            error.WriteLine(e.ToString());
        }
        else
        {
            error.WriteLine($"(set {DebugVariable}=1 for the stack trace)");
        }
    }
}
