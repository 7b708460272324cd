namespace RedisFailoverSim.Reporting.Decision;

/// <summary>
/// What <c>rfsim decide</c> concludes: the four questions answered with the run's numbers, the recommended path and
/// the runner-up, the "don't" rules that apply, and each practitioners' claim checked.
/// </summary>
/// <param name="Questions">The questions asked, in order, up to the one that settled it.</param>
/// <param name="Recommended">The recommended path.</param>
/// <param name="RunnerUp">The runner-up, or null when only one path ran.</param>
/// <param name="DontRules">The "don't" rules that apply to this workload, each with its numbers.</param>
/// <param name="Claims">The claims checked.</param>
public sealed record Recommendation(
    IReadOnlyList<QuestionAnswer> Questions,
    PathChoice Recommended,
    PathChoice? RunnerUp,
    IReadOnlyList<string> DontRules,
    IReadOnlyList<ClaimCheck> Claims);
