using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// What the altcha widget 3.x sends as humanCheckToken: base64 of the JSON
/// <c>{"challenge":{"parameters":{…},"signature":"…"},"solution":{"counter":n,"derivedKey":"…","time":ms}}</c>,
/// or in its test mode <c>{"challenge":null,"solution":null,"test":true}</c>. Strict about what the
/// signature covers: only the parameters this service issues, each of the type and form it issues,
/// so that <see cref="AltchaProtocol.CanonicalJson"/> rebuilds exactly the string that was signed.
/// Never throws on input; the reasons never quote it.
/// </summary>
internal sealed record AltchaPayload(AltchaChallenge Challenge, uint Counter, string DerivedKey)
{
    /// <summary>A real payload is about 700 characters; anything far longer is not one, and is not decoded.</summary>
    public const int MaxTokenLength = 2048;

    private const int MinKeyLength = 16;
    private const int MaxKeyLength = 64;
    private const int SignatureHexLength = 64;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 4, AllowDuplicateProperties = false };

    public static bool TryParse(string? token, [NotNullWhen(true)] out AltchaPayload? payload, out string reason)
    {
        payload = null;
        if (string.IsNullOrWhiteSpace(token))
        {
            reason = "no token";
            return false;
        }

        if (token.Length > MaxTokenLength)
        {
            reason = "token too long";
            return false;
        }

        var json = new byte[(token.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(token, json, out var length))
        {
            reason = "token is not base64";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json.AsMemory(0, length), JsonOptions);
            return TryRead(document.RootElement, out payload, out reason);
        }
        catch (JsonException)
        {
            reason = "token is not JSON of the expected shape";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out AltchaPayload? payload, out string reason)
    {
        payload = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = "token is not JSON of the expected shape";
            return false;
        }

        // The widget's test mode: no work done, whatever else the payload says.
        if (root.TryGetProperty("test", out var test) && test.ValueKind != JsonValueKind.False)
        {
            reason = "test-mode payload";
            return false;
        }

        if (!root.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.Object
            || !challenge.TryGetProperty("parameters", out var parameterElement) || parameterElement.ValueKind != JsonValueKind.Object
            || !challenge.TryGetProperty("signature", out var signatureElement) || !IsHex(signatureElement, SignatureHexLength, SignatureHexLength, evenLength: true))
        {
            reason = "no signed challenge in the payload";
            return false;
        }

        if (!TryReadParameters(parameterElement, out var parameters))
        {
            reason = "challenge parameters this service does not issue";
            return false;
        }

        if (!root.TryGetProperty("solution", out var solution) || solution.ValueKind != JsonValueKind.Object
            || !solution.TryGetProperty("counter", out var counterElement) || counterElement.ValueKind != JsonValueKind.Number
            || !counterElement.TryGetUInt32(out var counter)
            || !solution.TryGetProperty("derivedKey", out var keyElement)
            || !IsHex(keyElement, parameters.KeyLength * 2, parameters.KeyLength * 2, evenLength: true))
        {
            reason = "no solution of the expected shape in the payload";
            return false;
        }

        payload = new AltchaPayload(new AltchaChallenge(parameters, signatureElement.GetString()!), counter, keyElement.GetString()!);
        reason = "parsed";
        return true;
    }

    private static bool TryReadParameters(JsonElement element, [NotNullWhen(true)] out AltchaParameters? parameters)
    {
        parameters = null;
        string? algorithm = null, keyPrefix = null, keySignature = null, nonce = null, salt = null;
        int? cost = null, keyLength = null;
        long? expiresAt = null;
        foreach (var member in element.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "algorithm" when value.ValueKind == JsonValueKind.String && value.ValueEquals(AltchaProtocol.Algorithm):
                    algorithm = AltchaProtocol.Algorithm;
                    break;
                case "cost" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var c) && c is >= 1 and <= AltchaOptions.MaxCost:
                    cost = c;
                    break;
                case "expiresAt" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var e) && e > 0:
                    expiresAt = e;
                    break;
                case "keyLength" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var k) && k is >= MinKeyLength and <= MaxKeyLength:
                    keyLength = k;
                    break;
                case "keyPrefix" when IsHex(value, 1, MaxKeyLength * 2, evenLength: false):
                    keyPrefix = value.GetString();
                    break;
                case "keySignature" when IsHex(value, SignatureHexLength, SignatureHexLength, evenLength: true):
                    keySignature = value.GetString();
                    break;
                case "nonce" when IsHex(value, 16, 64, evenLength: true):
                    nonce = value.GetString();
                    break;
                case "salt" when IsHex(value, 16, 64, evenLength: true):
                    salt = value.GetString();
                    break;
                default:
                    // data, memoryCost, parallelism, anything unknown, or a known member in a form
                    // this service never issues: not one of its challenges.
                    return false;
            }
        }

        if (algorithm is null || cost is null || keyLength is null || keyPrefix is null || nonce is null || salt is null
            || keyPrefix.Length > keyLength * 2)
        {
            return false;
        }

        parameters = new AltchaParameters(algorithm, cost.Value, expiresAt, keyLength.Value, keyPrefix, keySignature, nonce, salt);
        return true;
    }

    /// <summary>A JSON string of lowercase hex digits, as the reference writes them.</summary>
    private static bool IsHex(JsonElement value, int minLength, int maxLength, bool evenLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!;
        return text.Length >= minLength && text.Length <= maxLength && (!evenLength || text.Length % 2 == 0)
            && text.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;
    }
}
