using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>
/// A real HTTP server on 127.0.0.1 (WireMock.Net) playing a provider's siteverify API, since the
/// real ones cannot be reached from tests. It records every request it receives.
/// </summary>
public sealed class SiteverifyServer : IDisposable
{
    public const string Path = "/siteverify";

    private readonly WireMockServer _server = WireMockServer.Start($"http://127.0.0.1:{FreePort()}");

    public string Url => _server.Url + Path;

    /// <summary>How many requests reached the server (answered or still being answered slowly).</summary>
    public int RequestCount => _server.LogEntries.Count();

    /// <summary>The form fields of each request received, in order.</summary>
    public IReadOnlyList<Dictionary<string, string>> Forms => _server.LogEntries
        .OrderBy(entry => entry.RequestMessage.DateTime)
        .Select(entry => QueryHelpers.ParseQuery(entry.RequestMessage.Body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString()))
        .ToList();

    public static object Success(string hostname = "shop.example") =>
        new Dictionary<string, object> { ["success"] = true, ["hostname"] = hostname, ["challenge_ts"] = "2026-11-26T12:00:00Z", ["error-codes"] = Array.Empty<string>() };

    public static object Failure(params string[] errorCodes) =>
        new Dictionary<string, object> { ["success"] = false, ["error-codes"] = errorCodes };

    public static object ReCaptchaV3(double score, string action, string hostname = "shop.example") =>
        new Dictionary<string, object> { ["success"] = true, ["score"] = score, ["action"] = action, ["hostname"] = hostname, ["challenge_ts"] = "2026-11-26T12:00:00Z" };

    /// <summary>Answers every request (or only those carrying <paramref name="token"/>) with 200 and the JSON.</summary>
    public SiteverifyServer Answers(object json, string? token = null, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithBodyAsJson(json);
        _server.Given(Siteverify(token)).RespondWith(delay is { } wait ? response.WithDelay(wait) : response);
        return this;
    }

    /// <summary>Answers every request (or only those carrying <paramref name="token"/>) with the status and a body that is no answer.</summary>
    public SiteverifyServer AnswersStatus(int status, string? token = null)
    {
        _server.Given(Siteverify(token)).RespondWith(Response.Create().WithStatusCode(status).WithBody("upstream trouble"));
        return this;
    }

    public SiteverifyServer AnswersBody(string contentType, string body)
    {
        _server.Given(Siteverify(null)).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));
        return this;
    }

    /// <summary>
    /// The first <paramref name="count"/> requests get <paramref name="firstStatus"/> after <paramref name="firstDelay"/>,
    /// every later one 200 at once; all with the JSON.
    /// </summary>
    public SiteverifyServer FirstThenAnswers(int count, int firstStatus, TimeSpan firstDelay, object json)
    {
        var seen = 0;
        var body = JsonSerializer.Serialize(json);
        _server.Given(Siteverify(null)).RespondWith(Response.Create().WithCallback(async _ =>
        {
            if (Interlocked.Increment(ref seen) > count)
            {
                return Json(200, body);
            }

            await Task.Delay(firstDelay);
            return Json(firstStatus, body);
        }));
        return this;
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived; slow answers are logged when they end.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (RequestCount < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _server.Dispose();

    /// <summary>A loopback port nothing listens on (closed again at once): connecting to it is refused.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ResponseMessage Json(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };

    private static IRequestBuilder Siteverify(string? token)
    {
        var request = Request.Create().WithPath(Path).UsingPost();
        return token is null
            ? request
            : request.WithBody((string? body) => QueryHelpers.ParseQuery(body).TryGetValue("response", out var sent) && sent == token);
    }
}
