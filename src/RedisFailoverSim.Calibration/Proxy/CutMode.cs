namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>What a proxy does to a connection whose link is cut.</summary>
internal enum CutMode
{
    /// <summary>
    /// Silence, like a dropped-packet partition: bytes (and a close or reset) on open connections are held, not
    /// delivered, until the link heals; then they flow again, as TCP's retransmission would deliver them. A new
    /// connection across the cut is refused (a lost SYN never connects; loopback cannot make it hang). The default.
    /// </summary>
    BlackHole,

    /// <summary>Like an <c>iptables REJECT --reject-with tcp-reset</c>: cut connections are reset; new ones are reset at once.</summary>
    Reset,
}
