using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Reset.Bench.Tools;

/// <summary>The calls the preparation makes, as a storefront (and, for customers, the shop's backend) makes them.</summary>
internal sealed class ResetApi(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A challenge from the service, solved as the widget solves it: the humanCheckToken to send.</summary>
    public async Task<string> HumanCheckTokenAsync()
    {
        var challenge = await ReadAsync(await _http.GetAsync("api/v1/human-check/challenge"), HttpStatusCode.OK);
        return AltchaSolver.Solve(challenge);
    }

    public async Task<string> StartAsync(string login, string humanCheckToken)
    {
        var answer = await ReadAsync(
            await _http.PostAsJsonAsync("api/v1/password-resets", new { login, humanCheckToken }), HttpStatusCode.Created);
        return (string)answer["ticketId"]!;
    }

    public async Task SendCodeAsync(string ticketId) =>
        await ReadAsync(await _http.PostAsJsonAsync($"api/v1/password-resets/{ticketId}/codes", new { method = "email" }), HttpStatusCode.Accepted);

    public async Task<string> VerifyAsync(string ticketId, string code)
    {
        var answer = await ReadAsync(
            await _http.PostAsJsonAsync($"api/v1/password-resets/{ticketId}/verification", new { code }), HttpStatusCode.OK);
        return (string)answer["resetToken"]!;
    }

    public async Task PutUserAsync(string apiKey, Guid id, string email, string passwordHash, string? memberId = null, string status = "active")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"internal/v1/users/{id}")
        {
            Content = JsonContent.Create(new { email, memberId, locale = "en", status, passwordHash }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        await ReadAsync(await _http.SendAsync(request), HttpStatusCode.Created);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {body}");
            }

            return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
        }
    }
}
