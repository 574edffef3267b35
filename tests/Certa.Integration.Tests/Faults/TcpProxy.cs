using System.Net;
using System.Net.Sockets;

namespace Certa.Integration.Tests.Faults;

/// <summary>
/// A TCP forwarder between Certa and its PostgreSQL that a test can cut (every connection closed, new ones refused) and bring
/// back on the same port: the database "goes away" as it does when its host or network fails, without touching the cluster.
/// </summary>
internal sealed class TcpProxy(string upstreamHost, int upstreamPort) : IAsyncDisposable
{
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource stop = new();

    public int Port { get; private set; }

    public void Start()
    {
        stop = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync(listener, stop.Token);
    }

    /// <summary>Closes every forwarded connection and refuses new ones until <see cref="Start"/>.</summary>
    public void Cut()
    {
        stop.Cancel();
        listener?.Stop();
        lock (open)
        {
            foreach (var client in open)
            {
                // A reset, not a graceful close: the database vanishes rather than says goodbye. A pump may have closed it already.
                client.Client?.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }

            open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listening, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listening.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(upstreamHost, upstreamPort, ct);
            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, ct);
            _ = PumpAsync(outbound, inbound, ct);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The proxy was cut, or one side closed: the other side sees it through its own socket.
        }

        to.Dispose();
    }
}
