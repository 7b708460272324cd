using System.Net.Sockets;

namespace RedisFailoverSim.Calibration.Proxy;

/// <summary>A client's new connection across a cut, held until the heal (<see cref="TcpProxy.HoldNewAcrossCut"/>).</summary>
internal sealed partial class TcpProxy
{
    /// <summary>
    /// Holds a new connection across a cut until both directions heal, keeping what the dialler sends meanwhile;
    /// null when the dialler gives up first (closes or resets: a connect timeout), or the proxy stops. Across a real
    /// partition a connect the client abandons leaves nothing behind; held until the heal, every abandoned attempt
    /// kept a thread waiting here, and a partition of 90 s piled up hundreds of them (measured: the calibration's
    /// threads grew from 440 to 805), which slowed every link of the test bed and so the real runs' write P99.
    /// </summary>
    private MemoryStream? HoldUntilOpen(Socket downstream, string? source)
    {
        const int PollMicroseconds = 50_000;
        var early = new MemoryStream();
        var buffer = new byte[BufferBytes];
        while (_cuts.IsCut(source, Target) || _cuts.IsCut(Target, source))
        {
            if (_stop.IsCancellationRequested)
            {
                return null;
            }

            try
            {
                if (!downstream.Poll(PollMicroseconds, SelectMode.SelectRead))
                {
                    continue;
                }

                int read = downstream.Receive(buffer);
                if (read == 0)
                {
                    return null;
                }

                early.Write(buffer, 0, read);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return null;
            }
        }

        return early;
    }

    private static bool TrySend(Socket socket, MemoryStream bytes)
    {
        try
        {
            var data = bytes.GetBuffer();
            int length = (int)bytes.Length;
            int sent = 0;
            while (sent < length)
            {
                sent += socket.Send(data, sent, length - sent, SocketFlags.None);
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
