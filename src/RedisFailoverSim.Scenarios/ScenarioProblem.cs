namespace RedisFailoverSim.Scenarios;

/// <summary>One problem found in a scenario file.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line (0 when the problem is the whole file).</param>
/// <param name="Column">1-based column (0 when unknown).</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record ScenarioProblem(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, the form editors and CI logs link.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
