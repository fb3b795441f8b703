using System.Text.RegularExpressions;
using Reset.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Reset.Tests.Deployment;

/// <summary>docker-compose.yml, read as docker compose reads it (aliases resolved; ${…} as written).</summary>
internal sealed partial class ComposeFile
{
    public const string ServiceName = "reset-service";
    public const string MigrateName = "migrate";

    private ComposeFile(YamlMappingNode root) => Root = root;

    public static string FilePath => Path.Combine(RepoRoot.Path, "docker-compose.yml");

    public static string EnvExamplePath => Path.Combine(RepoRoot.Path, "deploy", "compose.env.example");

    public YamlMappingNode Root { get; }

    public YamlMappingNode Services => Root.Map("services");

    public YamlMappingNode Service(string name) => Services.Map(name);

    public static ComposeFile Read() => new(Yaml.Documents(FilePath).Single());

    public Dictionary<string, string> Environment(string service) => Service(service).Child("environment").Pairs();

    /// <summary>
    /// The variables as the container would see them: defaults for ${X:-default}, and for a required
    /// ${X:?message} (a secret from .env) a stand-in of the right shape.
    /// </summary>
    public Dictionary<string, string> InterpolatedEnvironment(string service) =>
        Environment(service).ToDictionary(pair => pair.Key, pair => Placeholder().Replace(pair.Value, match =>
            match.Groups["op"].Value switch
            {
                "-" => match.Groups["arg"].Value,
                "?" when match.Value == pair.Value => ServiceSettings.StandInFor(pair.Key),
                "?" => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
                _ => throw new InvalidOperationException($"{pair.Key}: {match.Value} has no default and may be empty; use ${{X:?message}}."),
            }));

    /// <summary>Compose variables a value refers to, with how each is resolved ("?" required, "-" default).</summary>
    public static IEnumerable<(string Name, string Operator)> VariablesIn(string value) =>
        Placeholder().Matches(value).Select(match => (match.Groups["name"].Value, match.Groups["op"].Value));

    /// <summary>"30s", "1m30s" as docker compose reads a duration.</summary>
    public static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in DurationPart().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }

        return total;
    }

    [GeneratedRegex(@"\$\{(?<name>\w+)(?::(?<op>[?-])(?<arg>[^}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex DurationPart();
}
