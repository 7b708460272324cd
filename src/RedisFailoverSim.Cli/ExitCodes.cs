namespace RedisFailoverSim.Cli;

/// <summary>
/// The process exit codes, after Maelstrom's convention (docs/sources.md §15.1): 0 valid, 1 invalid, 2 unknown/bad input.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Ran, and every <c>expect:</c> claim held (or there were none).</summary>
    public const int Ok = 0;

    /// <summary>Ran, and at least one <c>expect:</c> claim failed.</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Bad input or usage: a scenario problem, a bad flag, a missing file, an unwritable output folder.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in rfsim: an invariant did not hold, or an unexpected exception.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled with Ctrl-C (128 + SIGINT, the shell's convention).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15): cleaned up like Ctrl-C, nothing written.</summary>
    public const int Terminated = 143;
}
