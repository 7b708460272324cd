using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RedisFailoverSim.Engine;

/// <summary>
/// Always-on invariant checks (on in Release: the printed numbers rest on them). A passing check costs one branch; a failing one
/// throws <see cref="InvariantViolatedException"/> with the expression text.
/// </summary>
public static class Invariant
{
    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Holds(
        [DoesNotReturnIf(false)] bool condition,
        [CallerArgumentExpression(nameof(condition))] string expression = "")
    {
        if (!condition)
        {
            Fail(expression);
        }
    }

    /// <summary>Throws unconditionally: a state the code believes impossible was reached.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail(string expression) => throw new InvariantViolatedException(expression);
}
