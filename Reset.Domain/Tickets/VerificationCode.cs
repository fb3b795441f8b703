namespace Reset.Domain.Tickets;

/// <summary>
/// The code the customer types. Normally six digits, uniform over 000000–999999, leading zeros kept.
/// Once the account's daily budget of wrong codes is spent, six digits could be guessed without
/// limit, so the service e-mails a long code instead: ten characters of Crockford's base32 (50 bits),
/// which needs no budget. It exists in memory only long enough to be e-mailed and compared; the
/// store keeps its keyed HMAC.
/// </summary>
public readonly record struct VerificationCode
{
    public const int Digits = 6;
    public const int LongLength = 10;
    private const int Range = 1_000_000;

    // Crockford's base32: no I, L, O or U, so nothing reads as another character.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private VerificationCode(string value, CodeKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The canonical form: six digits, or ten upper-case base32 characters without separators.</summary>
    public string Value { get; }

    public CodeKind Kind { get; }

    /// <summary>How an e-mail shows it: a long code in two groups of five, easier to copy by eye.</summary>
    public string Display => Kind == CodeKind.Long ? Value[..5] + "-" + Value[5..] : Value;

    /// <param name="randomBelow">Uniform integer in [0, max): RandomNumberGenerator.GetInt32 in production.</param>
    public static VerificationCode Generate(Func<int, int> randomBelow) =>
        new(randomBelow(Range).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), CodeKind.Short);

    /// <param name="randomBelow">Uniform integer in [0, max): RandomNumberGenerator.GetInt32 in production.</param>
    public static VerificationCode GenerateLong(Func<int, int> randomBelow) =>
        new(string.Create(LongLength, randomBelow, static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random(Alphabet.Length)];
            }
        }), CodeKind.Long);

    /// <summary>The kind of code to e-mail next: a long one while the account's wrong-code budget is spent.</summary>
    public static CodeKind KindToSend(bool wrongCodeBudgetSpent) => wrongCodeBudgetSpent ? CodeKind.Long : CodeKind.Short;

    /// <summary>
    /// Exactly six ASCII digits ("12345", "1234567", "12 345" and "١٢٣٤٥٦" are not codes), or a long
    /// code: ten base32 characters in any letter case, hyphens and spaces between them ignored, and
    /// I, L and O read as 1, 1 and 0 as Crockford's base32 prescribes.
    /// </summary>
    public static bool TryParse(string? text, out VerificationCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        if (text.Length == Digits && text.All(char.IsAsciiDigit))
        {
            code = new VerificationCode(text, CodeKind.Short);
            return true;
        }

        if (text.Length > LongLength * 2)
        {
            return false;
        }

        Span<char> canonical = stackalloc char[LongLength];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var symbol = Canonical(c);
            if (symbol is null || length == LongLength)
            {
                return false;
            }

            canonical[length++] = symbol.Value;
        }

        if (length != LongLength)
        {
            return false;
        }

        code = new VerificationCode(new string(canonical), CodeKind.Long);
        return true;
    }

    private static char? Canonical(char c)
    {
        var upper = char.ToUpperInvariant(c);
        upper = upper switch
        {
            'I' or 'L' => '1',
            'O' => '0',
            _ => upper,
        };
        return char.IsAscii(upper) && Alphabet.Contains(upper, StringComparison.Ordinal) ? upper : null;
    }

    /// <summary>Never the code itself: a stray log line must not leak it.</summary>
    public override string ToString() => "******";
}

public enum CodeKind
{
    /// <summary>Six digits, guessed at most the account's daily budget of times.</summary>
    Short,

    /// <summary>Ten base32 characters (50 bits): safe without a budget.</summary>
    Long,
}
