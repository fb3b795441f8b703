using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reset.Tests.Fixtures;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that keeps what it receives, so tests
/// read the code from the e-mail the way a customer would. It can be told to refuse mail for a while,
/// or be stopped (connections refused) and started again on the same port, keeping what it received.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private readonly Store _store = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpCatcher()
    {
        Port = FreePort();
        Listen();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => [.. _store.Messages.Select(m => m.Message)];

    /// <summary>While true, every message is refused with a transient 451, as a relay in trouble does.</summary>
    public bool Refusing
    {
        get => _store.Refusing;
        set => _store.Refusing = value;
    }

    /// <summary>While positive, each message is held this long before it is accepted, as a slow relay does.</summary>
    public TimeSpan Holding
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _store.HoldTicks));
        set => Interlocked.Exchange(ref _store.HoldTicks, value.Ticks);
    }

    /// <summary>Messages whose content arrived, whether accepted, refused or still held.</summary>
    public int Arrivals => Volatile.Read(ref _store.Arrivals);

    public IEnumerable<MimeMessage> To(string address) =>
        _store.Messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message);

    /// <summary>Waits for the n-th message to an address (1-based), as a customer waits for the mail.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var messages = To(address).ToList();
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No e-mail number {count} to {address} arrived in time.");
    }

    /// <summary>The code from the n-th e-mail to the address, read from its text body (<see cref="CodeEmails"/>).</summary>
    public async Task<string> WaitForCodeAsync(string address, int nth = 1, TimeSpan? timeout = null)
    {
        var message = await WaitForAsync(address, nth, timeout);
        return CodeEmails.CodeIn(message).ShouldNotBeNull($"e-mail number {nth} to {address} holds no code");
    }

    /// <summary>Stops listening, as a relay that is down: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stop is null)
            {
                return;
            }

            await _stop.CancelAsync();
            try
            {
                await _running!;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            _stop.Dispose();
            _stop = null;
            _running = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Listens again on the same port; the messages received before stay.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stop is null)
            {
                Listen();
            }
        }
        finally
        {
            _gate.Release();
        }

        // The listener binds in the background: return once it accepts, as a started server does.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await AcceptsAsync())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The SMTP catcher did not listen again on port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _gate.Dispose();
    }

    private void Listen()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        private readonly ConcurrentQueue<Caught> _messages = new();

        public IReadOnlyCollection<Caught> Messages => [.. _messages];

        public volatile bool Refusing;

        public long HoldTicks;

        public int Arrivals;

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Arrivals);
            if (Interlocked.Read(ref HoldTicks) is > 0 and var hold)
            {
                await Task.Delay(TimeSpan.FromTicks(hold), cancellationToken);
            }

            if (Refusing)
            {
                // 451: local error in processing, a transient refusal the sender should retry.
                return new SmtpResponse((SmtpReplyCode)451, "Try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            _messages.Enqueue(new Caught(message, [.. message.To.Mailboxes.Select(b => b.Address)]));
            return SmtpResponse.Ok;
        }
    }

    /// <summary>
    /// A message with its recipients read once, on arrival: MimeKit's objects are not safe to read from
    /// several threads at once, and many waiting clients look for their mail side by side.
    /// </summary>
    private sealed record Caught(MimeMessage Message, string[] To);
}
