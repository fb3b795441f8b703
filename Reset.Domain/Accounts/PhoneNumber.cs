namespace Reset.Domain.Accounts;

/// <summary>
/// A customer's phone number in E.164 form ("+380441234567"): a plus, then 7 to 15 digits with no
/// leading zero. Spaces, dashes, dots and parentheses a person types are dropped when parsing.
/// </summary>
public sealed record PhoneNumber
{
    public const int MaxTypedLength = 32;

    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out PhoneNumber phone)
    {
        phone = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTypedLength)
        {
            return false;
        }

        var compact = string.Concat(text.Where(c => c is not (' ' or '-' or '.' or '(' or ')')));
        var digits = compact.Length > 0 && compact[0] == '+' ? compact[1..] : null;
        if (digits is null or { Length: < 7 or > 15 } || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        phone = new PhoneNumber("+" + digits);
        return true;
    }

    public static PhoneNumber Parse(string text) =>
        TryParse(text, out var phone) ? phone : throw new FormatException("Not an E.164 phone number.");

    public override string ToString() => Value;
}
