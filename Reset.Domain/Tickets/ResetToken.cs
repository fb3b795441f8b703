using System.Security.Cryptography;

namespace Reset.Domain.Tickets;

/// <summary>
/// Proof that a ticket's code was verified: 256 random bits, base64url (43 characters). It allows
/// nothing but setting the password on its own ticket, once, within its lifetime.
/// </summary>
public readonly record struct ResetToken
{
    public const int Length = 43;

    private ResetToken(string value) => Value = value;

    public string Value { get; }

    public static ResetToken New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return new ResetToken(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    public static bool TryParse(string? text, out ResetToken token)
    {
        token = default;
        if (text is null || text.Length != Length || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        token = new ResetToken(text);
        return true;
    }

    /// <summary>Never the token itself.</summary>
    public override string ToString() => "[reset token]";
}
