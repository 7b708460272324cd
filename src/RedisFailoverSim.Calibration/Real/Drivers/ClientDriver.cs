namespace RedisFailoverSim.Calibration.Real.Drivers;

/// <summary>
/// How to run one client library for real: a small writer program kept in the repository
/// (<c>calibration/drivers/</c>) and the interpreter that runs it.
/// </summary>
/// <param name="Library">The profile id (<c>rfsim explain client &lt;id&gt;</c>).</param>
/// <param name="Interpreter">The program that runs the script (Debian's <c>/usr/bin/python3</c>, <c>node</c>).</param>
/// <param name="Script">The script's file name in <c>calibration/drivers/</c>.</param>
/// <param name="Probe">A module the script imports, checked before a run (<c>redis</c>, <c>ioredis</c>).</param>
/// <param name="Install">What to run when the library is missing.</param>
internal sealed record ClientDriver(string Library, string Interpreter, string Script, string Probe, string Install)
{
    /// <summary>Node scripts resolve their packages from <c>calibration/drivers/node_modules</c>.</summary>
    public bool IsNode => Interpreter == "node";
}
