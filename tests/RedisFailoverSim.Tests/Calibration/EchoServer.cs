using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>A loopback TCP echo server for proxy tests; remembers what it received and counts open connections.</summary>
internal sealed class EchoServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentQueue<string> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private int _open;

    public EchoServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;

        // Dedicated threads with blocking sockets, as the proxy uses: other tests in the run (StackExchange.Redis in
        // the real calibration tests) can starve the thread pool for seconds, which once delayed an echo past the
        // proxy tests' patience.
        new Thread(Accept) { IsBackground = true, Name = "echo accept" }.Start();
    }

    public int Port { get; }

    public int OpenConnections => Volatile.Read(ref _open);

    public bool WaitReceived(string text, TimeSpan timeout) => SpinWait.SpinUntil(() => _received.Contains(text), timeout);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private void Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _open);
            new Thread(() => Echo(socket)) { IsBackground = true, Name = "echo connection" }.Start();
        }
    }

    private void Echo(Socket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int read = socket.Receive(buffer);
                if (read == 0)
                {
                    break;
                }

                _received.Enqueue(Encoding.ASCII.GetString(buffer, 0, read));
                int sent = 0;
                while (sent < read)
                {
                    sent += socket.Send(buffer, sent, read - sent, SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The test ended or reset the connection.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            socket.Dispose();
        }
    }
}
