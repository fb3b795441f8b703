using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// SIGTERM, as docker stop and Kubernetes send it, to the real service process: it stops taking
/// connections, lets a request already in flight finish with its whole answer, and exits 0 by itself;
/// what is still running after Host:ShutdownTimeout is cut off. The requests go over a raw socket, so
/// the test decides when each byte arrives.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_lets_a_request_in_flight_finish_takes_no_new_connections_and_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await ServiceProcess.StartAsync();
        // A password that breaks known rules, so the answer can be checked in full.
        var body = Encoding.UTF8.GetBytes("""{"password":"password","login":"john@example.com"}""");
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, service.Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/v1/password-policy/evaluations HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{service.Port}\r\n" +
            "Content-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\n" +
            "Expect: 100-continue\r\n" +
            "\r\n"), ct);
        // Kestrel sends 100 Continue once the endpoint starts reading the body: the request is in flight.
        // (Read straight from the pipe, such a body made the request fail with 500 at SIGTERM: see RequestBodyGuard.)
        (await ReadHeadAsync(stream, ct)).ShouldStartWith("HTTP/1.1 100 Continue");
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);

        var sinceSigterm = Stopwatch.StartNew();
        await service.SendSigtermAsync();
        var refusedAfter = await NewConnectionsRefusedWithinAsync(service.Port, TimeSpan.FromSeconds(5), sinceSigterm, ct);
        refusedAfter.ShouldNotBeNull("5 s after SIGTERM the service still took new connections");
        var pause = TimeSpan.FromSeconds(1) - sinceSigterm.Elapsed;
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, ct);
        }

        service.HasExited.ShouldBeFalse($"the service exited with a request in flight. Its output:\n{service.Output}");
        var bodySentAfter = sinceSigterm.Elapsed;
        await stream.WriteAsync(body.AsMemory(body.Length / 2), ct);
        var answer = await ReadToEndAsync(stream, ct);

        var response = RawResponse.Parse(answer);
        response.Status.ShouldBe(200, $"the answer was:\n{Encoding.UTF8.GetString(answer)}\nThe service's output:\n{service.Output}");
        response.Headers["content-type"].ShouldStartWith("application/json");
        response.Headers["connection"].ShouldBe("close");
        using (var evaluation = JsonDocument.Parse(response.Body))
        {
            evaluation.RootElement.GetProperty("acceptable").GetBoolean().ShouldBeFalse();
            evaluation.RootElement.GetProperty("score").GetInt32().ShouldBeInRange(0, 4);
            evaluation.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString())
                .ShouldBe(["too_short", "common_password", "too_weak"], ignoreOrder: true);
        }

        (await service.WaitForExitAsync(ExitWithin)).ShouldBeTrue($"the service still ran {ExitWithin.TotalSeconds} s after its last request. Its output:\n{service.Output}");
        service.ExitCode.ShouldBe(0, $"Its output:\n{service.Output}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"After SIGTERM: new connections refused at {refusedAfter.Value.TotalMilliseconds:0} ms, the rest of the body sent at " +
            $"{bodySentAfter.TotalMilliseconds:0} ms, the process gone at {sinceSigterm.Elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task A_request_still_arriving_when_Host_ShutdownTimeout_ends_is_cut_off_and_the_process_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        var shutdownTimeout = TimeSpan.FromSeconds(2);
        await using var service = await ServiceProcess.StartAsync(new() { ["Host__ShutdownTimeout"] = "00:00:02" });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, service.Port, ct);
        var stream = client.GetStream();
        // Half a request head: Kestrel waits for the rest (up to its 30 s header timeout) as for any request in flight.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/v1/password-policy/evaluations HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{service.Port}\r\n"), ct);
        // Time for Kestrel to take the connection and read those bytes (a connection with nothing of a
        // request yet is closed at once at shutdown, not waited for).
        await Task.Delay(500, ct);

        var sinceSigterm = Stopwatch.StartNew();
        await service.SendSigtermAsync();
        (await service.WaitForExitAsync(ExitWithin)).ShouldBeTrue($"the service still ran {ExitWithin.TotalSeconds} s after SIGTERM. Its output:\n{service.Output}");
        var exitedAfter = sinceSigterm.Elapsed;

        service.ExitCode.ShouldBe(0, $"Its output:\n{service.Output}");
        // It waited for the request as long as it was told, and no longer: the default is 25 s.
        exitedAfter.ShouldBeGreaterThanOrEqualTo(shutdownTimeout - TimeSpan.FromMilliseconds(100));
        exitedAfter.ShouldBeLessThan(shutdownTimeout + TimeSpan.FromSeconds(8));
        var answer = await ReadUntilClosedAsync(stream, ct);
        answer.ShouldBeEmpty($"the cut-off request got an answer: {Encoding.UTF8.GetString(answer)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"Host:ShutdownTimeout {shutdownTimeout.TotalSeconds} s: the process gone {exitedAfter.TotalMilliseconds:0} ms after SIGTERM.");
    }

    /// <summary>How long after SIGTERM a connection attempt was first refused; null if none was within the timeout.</summary>
    private static async Task<TimeSpan?> NewConnectionsRefusedWithinAsync(int port, TimeSpan timeout, Stopwatch sinceSigterm, CancellationToken ct)
    {
        while (sinceSigterm.Elapsed < timeout)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
            }
            catch (SocketException refused) when (refused.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return sinceSigterm.Elapsed;
            }
            catch (SocketException reset) when (reset.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Queued just as the listener closed: not served either. Try again until refused.
            }

            await Task.Delay(20, ct);
        }

        return null;
    }

    /// <summary>Reads one interim response's head, byte by byte so nothing after it is taken.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        using var head = new MemoryStream();
        var one = new byte[1];
        while (head.Length < 4 || !head.GetBuffer().AsSpan((int)head.Length - 4, 4).SequenceEqual("\r\n\r\n"u8))
        {
            (await stream.ReadAsync(one, ct)).ShouldBe(1, "the connection closed before an interim response");
            head.WriteByte(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    /// <summary>Whatever arrived before the connection closed or was reset.</summary>
    private static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream, CancellationToken ct)
    {
        try
        {
            return await ReadToEndAsync(stream, ct);
        }
        catch (IOException reset) when (reset.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return [];
        }
    }

    /// <summary>Everything until the service closes the connection, as it does when it shuts down.</summary>
    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ExitWithin);
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, timeout.Token);
        return all.ToArray();
    }

    /// <summary>An HTTP/1.1 response as it came off the wire: status, headers (lower-case names), body (de-chunked).</summary>
    private sealed record RawResponse(int Status, Dictionary<string, string> Headers, byte[] Body)
    {
        public static RawResponse Parse(byte[] raw)
        {
            var headEnd = raw.AsSpan().IndexOf("\r\n\r\n"u8);
            headEnd.ShouldBeGreaterThan(0, $"no complete response head in:\n{Encoding.UTF8.GetString(raw)}");
            var lines = Encoding.ASCII.GetString(raw, 0, headEnd).Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(line => line.Split(':', 2))
                .ToDictionary(pair => pair[0].Trim().ToLowerInvariant(), pair => pair[1].Trim());
            var rest = raw.AsSpan(headEnd + 4);
            if (headers.TryGetValue("content-length", out var length))
            {
                var count = int.Parse(length, CultureInfo.InvariantCulture);
                rest.Length.ShouldBe(count, "the body is cut short or followed by more");
                return new RawResponse(status, headers, rest.ToArray());
            }

            headers.GetValueOrDefault("transfer-encoding").ShouldBe("chunked", "a response with neither Content-Length nor chunked encoding");
            return new RawResponse(status, headers, Dechunk(rest));
        }

        private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var lineEnd = chunked.IndexOf("\r\n"u8);
                lineEnd.ShouldBeGreaterThan(0, "a chunk size line is missing: the body is cut short");
                var size = int.Parse(Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                chunked = chunked[(lineEnd + 2)..];
                if (size == 0)
                {
                    return body.ToArray();
                }

                chunked.Length.ShouldBeGreaterThanOrEqualTo(size + 2, "a chunk is cut short");
                body.Write(chunked[..size]);
                chunked = chunked[(size + 2)..];
            }
        }
    }
}
