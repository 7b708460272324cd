namespace RedisFailoverSim.Reporting.Trace;

/// <summary>Who a narrated line is about, for <c>--trace-filter</c>.</summary>
internal enum TraceCategory
{
    /// <summary>A fault starting or healing.</summary>
    Fault,

    /// <summary>A Sentinel event, in Sentinel's own vocabulary.</summary>
    Sentinel,

    /// <summary>A Redis node: role changes, syncs, links.</summary>
    Node,

    /// <summary>A client: connections, <c>+switch-master</c> notices.</summary>
    Client,

    /// <summary>A line the narration derives: split brain starting and ending, acknowledged writes counted.</summary>
    Story,
}
