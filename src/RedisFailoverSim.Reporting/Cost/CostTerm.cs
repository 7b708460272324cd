namespace RedisFailoverSim.Reporting.Cost;

/// <summary>Which monthly total a cost line belongs to.</summary>
public enum CostTerm
{
    /// <summary>Paid whatever the purchase option (storage, transfer, ECPUs).</summary>
    Always,

    /// <summary>Nodes bought on demand.</summary>
    OnDemand,

    /// <summary>Nodes bought as 3-year all-upfront reservations.</summary>
    Reserved,
}
