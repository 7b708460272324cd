namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The compact count of WAIT verdicts: confirmed writes as a set of history stamps (so the final dataset tells which
/// were lost, as for acknowledged writes), short ones as a count.
/// </summary>
internal sealed class WaitTally
{
    private readonly StampSet _confirmed = new();

    /// <summary>Acknowledged writes whose WAIT answered fewer than asked.</summary>
    public long Short { get; private set; }

    /// <summary>Acknowledged writes whose WAIT answered what was asked.</summary>
    public long Confirmed => _confirmed.Count;

    /// <summary>A WAIT verdict on the write applied as <paramref name="stamp"/>.</summary>
    public void Answered(long stamp, bool confirmed)
    {
        if (confirmed)
        {
            _confirmed.Add(stamp);
        }
        else
        {
            Short++;
        }
    }

    /// <summary>Confirmed writes missing from the final datasets.</summary>
    public long ConfirmedLost(StampSet present) => _confirmed.Count - _confirmed.CountShared(present);
}
