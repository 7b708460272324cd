namespace RedisFailoverSim.Reporting.Decision;

/// <summary>One practitioners' claim, checked against the run and the price table.</summary>
/// <param name="Claim">The claim, as the practitioners put it.</param>
/// <param name="Verdict">What the numbers say.</param>
/// <param name="Evidence">The numbers.</param>
public sealed record ClaimCheck(string Claim, Verdict Verdict, string Evidence);
