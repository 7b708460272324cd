namespace RedisFailoverSim.Model.Network;

/// <summary>
/// A set of members, one flag per <see cref="MemberId"/>, visited in ascending id order (as the
/// <c>SortedSet&lt;int&gt;</c> it replaces): a node marks a client's connection on every write and a Sentinel's on
/// every PING, and an array flag costs one store where the sorted set walked its tree (bench/README.md, issue 17).
/// </summary>
internal sealed class MemberSet
{
    private bool[] _present = new bool[16];

    /// <summary>Members in the set.</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest id that may be in the set: visit ids 0 to this, ascending, with <see cref="Contains"/>.</summary>
    public int Capacity => _present.Length;

    /// <summary>True when <paramref name="member"/> is in the set.</summary>
    public bool Contains(int member) => (uint)member < (uint)_present.Length && _present[member];

    /// <summary>Adds <paramref name="member"/> (nothing when it is already in).</summary>
    public void Add(int member)
    {
        if ((uint)member >= (uint)_present.Length)
        {
            Array.Resize(ref _present, Math.Max(member + 1, _present.Length * 2));
        }

        if (!_present[member])
        {
            _present[member] = true;
            Count++;
        }
    }

    /// <summary>Removes <paramref name="member"/> (nothing when it is not in).</summary>
    public void Remove(int member)
    {
        if (Contains(member))
        {
            _present[member] = false;
            Count--;
        }
    }

    /// <summary>Empties the set.</summary>
    public void Clear()
    {
        Array.Clear(_present);
        Count = 0;
    }
}
