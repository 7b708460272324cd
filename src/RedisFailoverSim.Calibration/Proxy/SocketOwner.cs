using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>
/// Finds which process opened the other end of a loopback connection, from Linux: the peer's socket is the one whose
/// local address is our remote one (found by the kernel's <see cref="SocketDiag"/> lookup, or in
/// <c>/proc/net/tcp</c>); its inode is a <c>socket:[inode]</c> link under <c>/proc/PID/fd</c> of exactly one of the
/// candidate processes. Every process of a run shares 127.0.0.1, so this is how a proxy tells a replica from a
/// Sentinel.
/// </summary>
internal static class SocketOwner
{
    /// <summary>True when the peer of <paramref name="accepted"/> has already closed its end (or is gone).</summary>
    public static bool PeerClosed(Socket accepted)
    {
        if (!OperatingSystem.IsLinux() || accepted.RemoteEndPoint is not IPEndPoint remote || accepted.LocalEndPoint is not IPEndPoint local)
        {
            return false;
        }

        return FindInode(peerLocal: remote, peerRemote: local) is null or "0";
    }

    /// <summary>The process among <paramref name="candidatePids"/> that holds the peer of <paramref name="accepted"/>, or null.</summary>
    public static int? FindPeerPid(Socket accepted, IReadOnlyCollection<int> candidatePids)
    {
        if (!OperatingSystem.IsLinux() || candidatePids.Count == 0
            || accepted.RemoteEndPoint is not IPEndPoint remote || accepted.LocalEndPoint is not IPEndPoint local)
        {
            return null;
        }

        string? inode = FindInode(peerLocal: remote, peerRemote: local);
        if (inode is null or "0")
        {
            // Not found, or inode 0: the peer has already closed its end (FIN_WAIT / TIME_WAIT keep no inode).
            return null;
        }

        string link = "socket:[" + inode + "]";
        foreach (int pid in candidatePids)
        {
            if (Holds(pid, link))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>The <c>/proc/net/tcp</c> address form: host-order hex IPv4 address, colon, hex port.</summary>
    internal static string ProcAddress(IPEndPoint endPoint)
    {
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        uint value = BitConverter.ToUInt32(address.GetAddressBytes(), 0);
        return value.ToString("X8", CultureInfo.InvariantCulture) + ":" + endPoint.Port.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static string? FindInode(IPEndPoint peerLocal, IPEndPoint peerRemote)
    {
        // The kernel's lookup of this one socket first: scanning /proc/net/tcp formats every socket of the host (8 ms
        // at ~1,800 sockets), and during a partition every Sentinel and replica retries its cut links each second,
        // each retry a connection to identify: that stalled the whole test bed (docs/sources.md §11.21).
        switch (SocketDiag.Find(local: peerLocal, remote: peerRemote, out uint inode))
        {
            case SocketDiag.Outcome.Found:
                return inode.ToString(CultureInfo.InvariantCulture);
            case SocketDiag.Outcome.NotFound:
                return null;
        }

        return FindInodeInProcNetTcp(peerLocal, peerRemote);
    }

    /// <summary>The same lookup from <c>/proc/net/tcp</c> (where netlink is unavailable), as the inode text, or null.</summary>
    internal static string? FindInodeInProcNetTcp(IPEndPoint peerLocal, IPEndPoint peerRemote)
    {
        string wantLocal = ProcAddress(peerLocal);
        string wantRemote = ProcAddress(peerRemote);
        try
        {
            foreach (string line in File.ReadLines("/proc/net/tcp"))
            {
                // "  sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode"
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1] == wantLocal && fields[2] == wantRemote)
                {
                    return fields[9];
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static bool Holds(int pid, string link)
    {
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/fd"))
            {
                if (new FileInfo(fd).LinkTarget == link)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            // The process exited while we looked.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to inspect: it cannot be one of our children.
        }

        return false;
    }
}
