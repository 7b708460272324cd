namespace RedisFailoverSim.Scenarios.Cost;

/// <summary>
/// What <c>rfsim decide</c> must be told rather than simulate (a scenario's <c>decide:</c> section; the command line
/// overrides it): the answers to questions 1, 3 and 4 that belong to the team, not to the workload.
/// </summary>
/// <param name="ToleratesLoss">Question 1: can losing acknowledged writes in a failover be tolerated?</param>
/// <param name="SreCapacity">Question 3: is there dedicated SRE / platform capacity?</param>
/// <param name="CostSensitive">Question 4: is cost sensitivity high?</param>
/// <param name="EngineerCostPerMonth">Engineer time self-hosting adds, US dollars a month (assumption A59).</param>
public sealed record DecideInputs(bool ToleratesLoss, bool SreCapacity, bool CostSensitive, double EngineerCostPerMonth)
{
    /// <summary>The practitioners' range for a small team's self-hosting time: $2,000-$5,000 a month.</summary>
    public const double EngineerCostLow = 2000;

    /// <summary>The top of that range.</summary>
    public const double EngineerCostHigh = 5000;

    /// <summary>ASSUMPTION A59: the middle of the range when nothing else is said.</summary>
    public const double EngineerCostDefault = 3500;

    /// <summary>Cautious defaults: loss not tolerated, no SRE capacity, not cost-sensitive, $3,500 a month.</summary>
    public static DecideInputs Default { get; } = new(false, false, false, EngineerCostDefault);
}
