using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RedisFailoverSim.Calibration.Resp;

/// <summary>
/// A minimal synchronous RESP2 connection for rfsim's own administrative traffic (readiness checks, INFO, ROLE,
/// SENTINEL queries, SMEMBERS of the final set, PSUBSCRIBE to Sentinel events). It always connects to a real port
/// directly, never through a proxy: the observer is not part of the scenario and is never partitioned.
/// Every read and write has a timeout, so no call blocks for longer than it.
/// </summary>
internal sealed class RespConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly BufferedStream _stream;

    private RespConnection(Socket socket)
    {
        _socket = socket;
        _stream = new BufferedStream(new NetworkStream(socket, ownsSocket: true), 64 * 1024);
    }

    /// <summary>Opens a connection to 127.0.0.1:<paramref name="port"/>; <paramref name="timeout"/> bounds the connect and every call.</summary>
    public static RespConnection Open(int port, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancel.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new IOException($"cannot connect to 127.0.0.1:{port}: {e.Message}", e);
        }

        SetTimeout(socket, timeout);
        return new RespConnection(socket);
    }

    /// <summary>Changes the read/write timeout (a subscriber waits longer than a query).</summary>
    public void SetTimeout(TimeSpan timeout) => SetTimeout(_socket, timeout);

    /// <summary>Sends a command and reads its reply; an error reply throws <see cref="RespErrorException"/>.</summary>
    public object? Call(params string[] arguments)
    {
        Send(arguments);
        return Read();
    }

    /// <summary>Sends a command without reading a reply (for SUBSCRIBE-style commands).</summary>
    public void Send(params string[] arguments)
    {
        var builder = new StringBuilder();
        builder.Append('*').Append(arguments.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (string argument in arguments)
        {
            builder.Append('$').Append(Encoding.UTF8.GetByteCount(argument).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            builder.Append(argument).Append("\r\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(builder.ToString());
        _stream.Write(bytes, 0, bytes.Length);
        _stream.Flush();
    }

    /// <summary>
    /// Reads one reply: a string (simple or bulk), a long (integer), null (nil), or an object?[] (array).
    /// Throws <see cref="RespErrorException"/> for an error reply and <see cref="IOException"/> on timeout or close.
    /// </summary>
    public object? Read()
    {
        int prefix = _stream.ReadByte();
        string line = ReadLine();
        switch (prefix)
        {
            case '+':
                return line;
            case '-':
                throw new RespErrorException(line);
            case ':':
                return long.Parse(line, CultureInfo.InvariantCulture);
            case '$':
                {
                    int length = int.Parse(line, CultureInfo.InvariantCulture);
                    if (length < 0)
                    {
                        return null;
                    }

                    byte[] data = new byte[length + 2];
                    _stream.ReadExactly(data, 0, data.Length);
                    return Encoding.UTF8.GetString(data, 0, length);
                }

            case '*':
                {
                    int count = int.Parse(line, CultureInfo.InvariantCulture);
                    if (count < 0)
                    {
                        return null;
                    }

                    var items = new object?[count];
                    for (int i = 0; i < count; i++)
                    {
                        items[i] = Read();
                    }

                    return items;
                }

            case -1:
                throw new IOException("connection closed");
            default:
                throw new IOException($"unexpected RESP type byte {prefix}");
        }
    }

    /// <summary>Closes the connection (unblocks a reader waiting on it).</summary>
    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone.
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }

        _stream.Dispose();
    }

    /// <summary>Parses an INFO reply ("key:value" lines) into a dictionary.</summary>
    public static Dictionary<string, string> ParseInfo(object? reply)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reply is not string text)
        {
            return result;
        }

        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                result[line[..colon]] = line[(colon + 1)..];
            }
        }

        return result;
    }

    /// <summary>Turns a flat array reply (key, value, key, value…) into a dictionary.</summary>
    public static Dictionary<string, string> ParsePairs(object? reply)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reply is object?[] items)
        {
            for (int i = 0; i + 1 < items.Length; i += 2)
            {
                result[Convert.ToString(items[i], CultureInfo.InvariantCulture) ?? string.Empty] =
                    Convert.ToString(items[i + 1], CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        return result;
    }

    private static void SetTimeout(Socket socket, TimeSpan timeout)
    {
        // 0 means no timeout to a socket: a subscriber blocks until Dispose closes the connection.
        int milliseconds = timeout == Timeout.InfiniteTimeSpan ? 0 : (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        socket.ReceiveTimeout = milliseconds;
        socket.SendTimeout = milliseconds;
    }

    private string ReadLine()
    {
        var builder = new StringBuilder();
        while (true)
        {
            int b = _stream.ReadByte();
            if (b < 0)
            {
                throw new IOException("connection closed");
            }

            if (b == '\r')
            {
                _stream.ReadByte();
                return builder.ToString();
            }

            builder.Append((char)b);
        }
    }
}
