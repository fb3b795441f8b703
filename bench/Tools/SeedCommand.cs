using System.Text;
using Geralt;

namespace Reset.Bench.Tools;

/// <summary>
/// Customers through the internal API (PUT /internal/v1/users/{id}), as the shop's backend provisions
/// them: "{prefix}-{n}@bench.example", active, English. Each gets the same Argon2id PHC hash, made
/// here with the service's parameters, so checking a new password against it costs what it costs
/// for a real customer. Writes one address per line.
/// </summary>
internal static class SeedCommand
{
    public const string OriginalPassword = "bench original passphrase, not the new one";

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Number("count");
        var prefix = options.Text("prefix");
        var apiKey = options.Text("api-key");
        var hash = PhcHash(options.Number("memory-kib", 19456), options.Number("iterations", 2));
        using var api = new ResetApi(options.Text("url"));
        var emails = await Work.RunAsync($"seed {prefix}", count, async i =>
        {
            var email = $"{prefix}-{i:D6}@bench.example";
            await api.PutUserAsync(apiKey, Guid.CreateVersion7(), email, hash);
            return email;
        });
        await File.WriteAllLinesAsync(options.Text("out"), emails);
        return 0;
    }

    public static string PhcHash(int memoryKiB, int iterations)
    {
        Span<char> encoded = stackalloc char[Argon2id.HashSize];
        Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(OriginalPassword), iterations, memoryKiB * 1024);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }
}
