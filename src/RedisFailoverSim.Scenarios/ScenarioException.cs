namespace RedisFailoverSim.Scenarios;

/// <summary>Bad scenario (or command-line) input: every problem found, each with its file and line.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from its problems (at least one).</summary>
    public ScenarioException(IReadOnlyList<ScenarioProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }
}
