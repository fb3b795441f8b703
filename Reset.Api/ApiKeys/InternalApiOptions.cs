using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.ApiKeys;

/// <summary>
/// The keys other backend services call /internal/v1 with: InternalApi__Keys__0__Id,
/// InternalApi__Keys__0__Hash, InternalApi__Keys__0__Scopes__0, … With none, every call is refused.
/// </summary>
public sealed class InternalApiOptions
{
    public const string Section = "InternalApi";

    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    /// <summary>Names the calling service in audit events and logs ("crm", "support-desk").</summary>
    public string? Id { get; set; }

    /// <summary>SHA-256 of the key in hex, as `dotnet Reset.Api.dll new-api-key` prints it. Never the key itself.</summary>
    public string? Hash { get; set; }

    public List<string> Scopes { get; set; } = [];
}

internal sealed partial class InternalApiOptionsValidator : IValidateOptions<InternalApiOptions>
{
    public ValidateOptionsResult Validate(string? name, InternalApiOptions options)
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var prefix = $"InternalApi:Keys:{i}:";
            if (key.Id is null || !IdPattern().IsMatch(key.Id))
            {
                failures.Add($"{Setting.Name(prefix + "Id")} must name the calling service: 1 to 64 lower-case letters, digits, '.', '_' or '-'.");
            }
            else if (!ids.Add(key.Id))
            {
                failures.Add($"{Setting.Name(prefix + "Id")} '{key.Id}' names another key too; each key needs its own id.");
            }

            // The message never quotes the value: were a key put here by mistake, it must not reach a log.
            if (key.Hash is null || !HashPattern().IsMatch(key.Hash))
            {
                failures.Add($"{Setting.Name(prefix + "Hash")} must be the key's SHA-256 in hex (64 digits), as `dotnet Reset.Api.dll new-api-key` prints it; never the key itself.");
            }
            else if (!hashes.Add(key.Hash))
            {
                failures.Add($"{Setting.Name(prefix + "Hash")} is the hash of another key too; give each service its own key.");
            }

            if (key.Scopes.Count == 0)
            {
                failures.Add($"{Setting.Name(prefix + "Scopes:0")} is missing: give the key at least one scope ({string.Join(", ", ApiScopes.All)}).");
            }

            for (var s = 0; s < key.Scopes.Count; s++)
            {
                if (!ApiScopes.All.Contains(key.Scopes[s]))
                {
                    failures.Add($"{Setting.Name(prefix + "Scopes:" + s)} must be one of {string.Join(", ", ApiScopes.All)}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
