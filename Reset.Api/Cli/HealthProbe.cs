namespace Reset.Api.Cli;

/// <summary>
/// `dotnet Reset.Api.dll healthcheck [url]`: the container health check. The runtime image has no
/// curl, so the service's own binary asks its liveness endpoint; exit code 0 means healthy.
/// </summary>
internal static class HealthProbe
{
    public const string Command = "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/live";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url} did not answer ({exception.GetType().Name}).");
            return 1;
        }
    }
}
