using Reset.Api.ApiKeys;

namespace Reset.Api.Cli;

/// <summary>
/// `dotnet Reset.Api.dll new-api-key ID SCOPE [SCOPE …]`: mints a key for the internal API and prints
/// it once, with the settings that make this service accept it (its SHA-256, never the key). Needs
/// no configuration and touches nothing: the operator puts the settings where the service reads them.
/// </summary>
internal static class NewApiKeyCommand
{
    public const string Name = "new-api-key";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var id = args.Length > 1 ? args[1] : null;
        var scopes = args.Skip(2).ToArray();
        var candidate = new InternalApiOptions { Keys = [new ApiKeyEntry { Id = id, Hash = new string('0', 64), Scopes = [.. scopes] }] };
        if (id is null || scopes.Length == 0 || new InternalApiOptionsValidator().Validate(null, candidate).Failed)
        {
            error.WriteLine($"usage: dotnet Reset.Api.dll {Name} ID SCOPE [SCOPE …]");
            error.WriteLine("  ID     names the calling service: lower-case letters, digits, '.', '_' or '-' (crm, support-desk)");
            error.WriteLine($"  SCOPE  one or more of: {string.Join(", ", ApiScopes.All)}");
            return 64; // EX_USAGE
        }

        var key = ApiKey.New();
        output.WriteLine($"new-api-key: the key for '{id}' (shown only now; give it to that service, which sends it as Authorization: Bearer <key>):");
        output.WriteLine();
        output.WriteLine("  " + key);
        output.WriteLine();
        output.WriteLine("Settings for reset-service (replace N with the next free index; the hash is not a secret):");
        output.WriteLine();
        output.WriteLine($"  InternalApi__Keys__N__Id={id}");
        output.WriteLine($"  InternalApi__Keys__N__Hash={ApiKey.HashOf(key)}");
        for (var i = 0; i < scopes.Length; i++)
        {
            output.WriteLine($"  InternalApi__Keys__N__Scopes__{i}={scopes[i]}");
        }

        return 0;
    }
}
