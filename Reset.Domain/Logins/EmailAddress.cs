using System.Globalization;
using System.Text;

namespace Reset.Domain.Logins;

/// <summary>
/// An e-mail address as a customer types it to sign in. Parsing is deliberately plain: one '@',
/// a non-empty local part, a dotted domain, no whitespace or control characters (which would
/// otherwise end up in e-mail headers). Comparison is case-insensitive, as the store's is.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string LocalPart => Value[..Value.LastIndexOf('@')];

    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    /// <summary>
    /// The mailbox this address delivers to, for counting what is sent to it: spellings that reach one
    /// mailbox share one key, so a limit per mailbox cannot be multiplied by spelling it differently.
    /// Surrounding whitespace and compatibility forms are already gone (<see cref="TryParse"/>); on top:
    /// lower case (local parts are case-sensitive by the RFC, case-insensitive at every provider that
    /// matters), "+tag" sub-addresses removed, and an internationalised domain in its ASCII (punycode)
    /// form. Provider-specific aliases are deliberately not folded: Gmail ignores dots in the local part
    /// and some providers take "-" as the tag separator, but elsewhere "j.ane" and "jane" are two people.
    /// Never a place to send to: the message goes to <see cref="Value"/>, as typed.
    /// </summary>
    public string DeliveryKey
    {
        get
        {
            var local = LocalPart.ToLowerInvariant();
            // "+tag" only after a non-empty name: "+jane@" is a mailbox of its own.
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            if (plus > 0)
            {
                local = local[..plus];
            }

            return local + "@" + AsciiDomain(Domain);
        }
    }

    public static bool TryParse(string? text, out EmailAddress email)
    {
        email = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = text.Trim().Normalize(NormalizationForm.FormKC);
        if (candidate.Length > MaxLength || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = candidate.LastIndexOf('@');
        if (at <= 0 || at != candidate.IndexOf('@') || at == candidate.Length - 1)
        {
            return false;
        }

        var domain = candidate[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
        {
            return false;
        }

        // The domain is case-insensitive everywhere; the local part is kept as typed.
        email = new EmailAddress(candidate[..at] + "@" + domain.ToLowerInvariant());
        return true;
    }

    private static string AsciiDomain(string domain)
    {
        try
        {
            return new IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not a valid internationalised name (no mail reaches it either): count it as written.
            return domain;
        }
    }

    public static EmailAddress Parse(string text) =>
        TryParse(text, out var email) ? email : throw new FormatException("Not an e-mail address.");

    public bool Equals(EmailAddress? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public override string ToString() => Value;
}
