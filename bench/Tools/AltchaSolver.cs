using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Reset.Bench.Tools;

/// <summary>
/// What the altcha widget does with a challenge (protocol v2, PBKDF2/SHA-256): counters from 0 up
/// until PBKDF2(nonce ‖ counter, salt, cost) starts with the key prefix, then base64 of
/// {challenge, solution}. The bench runs the service with a tiny cost so this is cheap.
/// </summary>
internal static class AltchaSolver
{
    public static string Solve(JsonNode challenge)
    {
        var parameters = challenge["parameters"]!;
        var nonce = Convert.FromHexString((string)parameters["nonce"]!);
        var salt = Convert.FromHexString((string)parameters["salt"]!);
        var cost = (int)parameters["cost"]!;
        var keyLength = (int)parameters["keyLength"]!;
        var prefix = (string)parameters["keyPrefix"]!;
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password, 0);
        for (uint counter = 0; ; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
            var key = Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(password, salt, cost, HashAlgorithmName.SHA256, keyLength));
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var payload = new JsonObject
                {
                    ["challenge"] = challenge.DeepClone(),
                    ["solution"] = new JsonObject { ["counter"] = counter, ["derivedKey"] = key, ["time"] = 1 },
                };
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));
            }
        }
    }
}
