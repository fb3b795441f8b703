using System.Text.RegularExpressions;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Deployment;

/// <summary>What the root Dockerfile says about the image: its name, port, user and health check.</summary>
internal sealed partial record Dockerfile(string ImageName, int ExposedPort, int UrlsPort, int UserId, IReadOnlyList<string> HealthCheck)
{
    public static Dockerfile Read()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "Dockerfile"));
        // The image name is the one the build instruction on its second line gives (also the README's).
        var runtime = text[text.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        return new Dockerfile(
            BuildTag().Match(text).Groups[1].Value,
            int.Parse(Expose().Match(runtime).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(UrlsPortPattern().Match(runtime).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            // `USER app`, whose uid the comment above it gives.
            int.Parse(UserComment().Match(runtime).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            [.. Quoted().Matches(HealthCmd().Match(runtime).Groups[1].Value).Select(match => match.Groups[1].Value)]);
    }

    [GeneratedRegex(@"docker build -t ([a-z0-9./_-]+) \.")]
    private static partial Regex BuildTag();

    [GeneratedRegex(@"^EXPOSE (\d+)", RegexOptions.Multiline)]
    private static partial Regex Expose();

    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex UrlsPortPattern();

    [GeneratedRegex(@"\(uid (\d+)\)\.\s*USER app")]
    private static partial Regex UserComment();

    [GeneratedRegex(@"CMD \[(.*)\]")]
    private static partial Regex HealthCmd();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
