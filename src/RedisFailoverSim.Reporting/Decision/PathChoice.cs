namespace RedisFailoverSim.Reporting.Decision;

/// <summary>A path and how to buy it.</summary>
/// <param name="Path">The deployment path.</param>
/// <param name="Purchase"><c>reserved 3y</c>, <c>on-demand</c> or <c>pay per use</c>.</param>
/// <param name="MonthlyUsd">What it costs a month that way (with engineer time for self-hosted), or null when unpriced.</param>
public sealed record PathChoice(string Path, string Purchase, double? MonthlyUsd);
