namespace RedisFailoverSim.Engine;

/// <summary>A bug in our code: an invariant did not hold. Caught once, at the run boundary.</summary>
public sealed class InvariantViolatedException : Exception
{
    /// <summary>Creates the exception for the failed expression.</summary>
    public InvariantViolatedException(string expression)
        : base("invariant violated: " + expression)
    {
        Expression = expression;
    }

    /// <summary>The source text of the condition that did not hold.</summary>
    public string Expression { get; }
}
