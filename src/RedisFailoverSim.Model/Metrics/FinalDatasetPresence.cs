using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Which writes the final datasets hold (one per shard), by write id (exact ledger only): two independent readings, entry by entry for
/// the audit, by stamp for the charts.
/// </summary>
internal static class FinalDatasetPresence
{
    /// <summary>Which writes the final dataset holds, by write id read entry by entry (the audit: every node keeps every entry).</summary>
    public static bool[] ByEntries(WriteLedger ledger, IReadOnlyList<History> finalDatasets)
    {
        long n = ledger.Count;
        var present = new bool[n];
        foreach (var finalDataset in finalDatasets)
        {
            Invariant.Holds(finalDataset.KeepsEveryEntry);
            for (int i = 0; i < finalDataset.Count; i++)
            {
                long id = finalDataset[i].WriteId;
                if (id >= 0 && id < n)
                {
                    present[id] = true;
                }
            }
        }

        return present;
    }

    /// <summary>Which writes the final dataset holds, by write id, from the stamps its lineage holds.</summary>
    public static bool[] ByStamps(WriteLedger ledger, IReadOnlyList<History> finalDatasets)
    {
        long n = ledger.Count;
        var present = new bool[n];
        foreach (var finalDataset in finalDatasets)
        {
            var held = finalDataset.Lineage.ToSet();
            for (long id = 0; id < n; id++)
            {
                long stamp = ledger.Stamp(id);
                present[id] |= stamp != WriteStamp.None && held.Contains(stamp);
                foreach (long duplicate in ledger.ExtraStamps(id))
                {
                    present[id] |= held.Contains(duplicate);
                }
            }
        }

        return present;
    }
}
