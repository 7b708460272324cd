namespace RedisFailoverSim.Engine.Random;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): the standard seeder for xoshiro generators, and our stable mixer
/// for deriving sub-stream seeds. Stable across processes and platforms, unlike <c>string.GetHashCode</c>.
/// </summary>
internal static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }
    }

    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>FNV-1a over the UTF-8 bytes of a name, then mixed: a stable 64-bit name hash.</summary>
    public static ulong HashName(string name)
    {
        unchecked
        {
            ulong hash = 0xCBF29CE484222325UL;
            foreach (byte b in System.Text.Encoding.UTF8.GetBytes(name))
            {
                hash ^= b;
                hash *= 0x100000001B3UL;
            }

            return Mix(hash);
        }
    }
}
