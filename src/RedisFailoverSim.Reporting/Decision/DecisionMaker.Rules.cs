using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Cost;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios.Cost;
using RedisFailoverSim.Scenarios.Prices;

namespace RedisFailoverSim.Reporting.Decision;

/// <summary>The "don't" rules that apply to a month, and the practitioners' claims checked against the numbers.</summary>
public static partial class DecisionMaker
{
    /// <summary>Where the practitioners put Serverless's break-even with reserved nodes.</summary>
    public const double ClaimedBreakEven = 0.25;

    private static List<string> DontRules(IReadOnlyList<PathLoss> losses, IReadOnlyList<PathCost> costs, MonthWorkload month, DecideInputs team)
    {
        var rules = new List<string>();
        var elastiCache = Choice(costs, DeploymentPaths.ElastiCache, team);
        var serverless = Choice(costs, DeploymentPaths.Serverless, team);
        var memoryDb = Choice(costs, DeploymentPaths.MemoryDb, team);
        if (month.Shape == MonthShape.OfficeHours)
        {
            rules.Add($"No node-based ElastiCache for a 9-to-5 workload: its nodes are billed all 24 hours for {Numbers.Amount(month.ActiveHoursPerDay, 1)} used "
                + $"({elastiCache.Purchase} {Money(elastiCache.MonthlyUsd)} against Serverless {Money(serverless.MonthlyUsd)}).");
        }

        if (month.Shape == MonthShape.Steady)
        {
            rules.Add($"No Serverless for heavy sustained throughput: steady here, Serverless {Money(serverless.MonthlyUsd)} a month against "
                + $"ElastiCache {elastiCache.Purchase} {Money(elastiCache.MonthlyUsd)}.");
        }

        if (team.ToleratesLoss)
        {
            var asyncLoss = losses.Where(l => l.Path != DeploymentPaths.MemoryDb).Sum(l => l.LostMean);
            rules.Add($"No MemoryDB as a plain cache: loss is tolerated, so its durability buys nothing here ({Money(memoryDb.MonthlyUsd)} against "
                + $"ElastiCache {Money(elastiCache.MonthlyUsd)}; the other paths lost {Numbers.Count(asyncLoss)} acknowledged writes in all).");
        }

        if (costs.FirstOrDefault(c => c.Path == DeploymentPaths.SelfHosted) is { BestMonthly: { } infra } && elastiCache.MonthlyUsd is { } managed && infra < managed)
        {
            rules.Add($"No self-hosting just to save money: EC2 saves {Money(managed - infra)} a month on infrastructure, less than the "
                + $"{Money(DecideInputs.EngineerCostLow)}-{Money(DecideInputs.EngineerCostHigh)} of engineer time it adds"
                + (managed - infra >= DecideInputs.EngineerCostLow ? " at its low end only if the saving beats it" : "") + ".");
        }

        return rules;
    }

    private static List<ClaimCheck> Claims(IReadOnlyList<PathCost> costs, MonthWorkload month, PriceCatalog prices)
    {
        var claims = new List<ClaimCheck>();
        var elastiCache = costs.FirstOrDefault(c => c.Path == DeploymentPaths.ElastiCache);
        var serverless = costs.FirstOrDefault(c => c.Path == DeploymentPaths.Serverless);
        if (elastiCache is not null && serverless is not null && BreakEven.For(elastiCache, serverless, month, prices) is { } breakEven)
        {
            var at = breakEven.ReservedBreakEven;
            var evidence = $"{Numbers.Count(breakEven.NodeCount)} x {breakEven.NodeType} reserved {Money(breakEven.ReservedMonthly)} against Serverless storage "
                + $"{Money(breakEven.ServerlessStorageMonthly)} + {Money(breakEven.ServerlessPerUtilisation)} of ECPUs at 100% of "
                + $"{Numbers.Count(breakEven.CapacityOpsPerSecond)} ops/s (A58): ";
            evidence += at <= 0
                ? "Serverless never breaks even — its storage alone costs more than the reserved cluster"
                : at >= 1
                    ? $"Serverless stays cheaper up to 100% utilisation (break-even at {Numbers.Percent(at * 100)})"
                    : $"break-even at {Numbers.Percent(at * 100)} average utilisation";
            claims.Add(new ClaimCheck("Serverless breaks even with reserved nodes near ~25% average utilisation",
                at >= 0.15 && at <= 0.35 ? Verdict.Agrees : Verdict.Contradicts, evidence));
        }

        if (elastiCache?.NodeType is { } cacheType && costs.FirstOrDefault(c => c.Path == DeploymentPaths.MemoryDb) is { } memoryDb)
        {
            var dbType = "db." + cacheType["cache.".Length..];
            var cachePrice = prices.Find(PriceItems.ElastiCacheNode, cacheType, month.Engine, PriceItems.OnDemand);
            var dbPrice = prices.Find(PriceItems.MemoryDbNode, dbType, month.Engine, PriceItems.OnDemand);
            if (cachePrice is null || dbPrice is null)
            {
                claims.Add(new ClaimCheck(MemoryDbClaim, Verdict.NotChecked, $"no on-demand price for {cacheType} and {dbType} in the table"));
            }
            else
            {
                var ratio = dbPrice.PerHour / cachePrice.PerHour;
                var evidence = $"{dbType} {Numbers.UnitPrice(dbPrice.PerHour)}/h against {cacheType} {Numbers.UnitPrice(cachePrice.PerHour)}/h = "
                    + $"{Numbers.Ratio(ratio)}; whole month {Money(memoryDb.OnDemandMonthly)} against {Money(elastiCache.OnDemandMonthly)}";
                claims.Add(dbPrice.IsAssumption
                    ? new ClaimCheck(MemoryDbClaim, Verdict.NotChecked, evidence + " — but the MemoryDB price is assumption A55 (2x by construction); give real prices with --prices")
                    : new ClaimCheck(MemoryDbClaim, ratio is >= 1.6 and <= 2.4 ? Verdict.Agrees : Verdict.Contradicts, evidence));
            }
        }

        if (elastiCache?.NodeType is { } type
            && prices.Find(PriceItems.ElastiCacheNode, type, month.Engine, PriceItems.OnDemand) is { } od
            && prices.Find(PriceItems.ElastiCacheNode, type, month.Engine, PriceItems.Reserved3yAllUpfront) is { } ri)
        {
            var saving = 1 - (ri.PerHour / od.PerHour);
            claims.Add(new ClaimCheck("Reserved nodes save 40-60% (1-3 years)", saving is >= 0.40 and <= 0.60 ? Verdict.Agrees : Verdict.Contradicts,
                $"{type} 3-year all upfront {Numbers.UnitPrice(ri.PerHour)}/h against {Numbers.UnitPrice(od.PerHour)}/h on demand: {Numbers.Percent(saving * 100)} off "
                + "(the only term the table has; 1-year terms are not sourced)"));
        }

        claims.Add(new ClaimCheck("Self-hosting adds $2k-$5k per month of engineer time for a small team", Verdict.NotChecked,
            "an input, not something a simulation can measure (decide: engineer-cost-per-month, or --engineer-cost)"));

        var transfer = costs.Where(c => c.Unpriced is null && c.BestMonthly > 0)
            .Select(c => (c.Path, Usd: c.Lines.Where(l => l.Price.Item == PriceItems.CrossAzTransfer).Sum(l => l.Monthly), Share: c.Lines.Where(l => l.Price.Item == PriceItems.CrossAzTransfer).Sum(l => l.Monthly) / c.BestMonthly!.Value, c.CrossAzMeasured))
            .OrderByDescending(t => t.Share).FirstOrDefault();
        if (transfer.Path is not null)
        {
            var writesPerSecond = month.OpsAverage * (1 - month.ReadFraction);
            claims.Add(new ClaimCheck("Cross-AZ transfer is a real cost at high write throughput", transfer.Share >= 0.05 ? Verdict.Agrees : Verdict.Contradicts,
                $"at {Numbers.Count(writesPerSecond)} writes/s and {Numbers.Count(month.OpsAverage * month.ReadFraction)} reads/s, {transfer.Path} pays "
                + $"{Money(transfer.Usd)} a month for it, {Numbers.Percent(transfer.Share * 100)} of its bill (the most of any path; "
                + $"{(transfer.CrossAzMeasured ? "the bytes the run's network carried across AZs, A115" : "from the scenario's placement, A60")})"));
        }

        return claims;
    }

    private const string MemoryDbClaim = "MemoryDB costs roughly 2x ElastiCache for the same memory";
}
