namespace Reset.Domain.Tickets;

/// <summary>
/// The six-digit code the customer types: uniform over 000000–999999, leading zeros kept. It exists
/// in memory only long enough to be e-mailed and compared; the store keeps its keyed HMAC.
/// </summary>
public readonly record struct VerificationCode
{
    public const int Digits = 6;
    private const int Range = 1_000_000;

    private VerificationCode(string value) => Value = value;

    public string Value { get; }

    /// <param name="randomBelow">Uniform integer in [0, max): RandomNumberGenerator.GetInt32 in production.</param>
    public static VerificationCode Generate(Func<int, int> randomBelow) =>
        new(randomBelow(Range).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Exactly six ASCII digits; "12345", "1234567", "12 345" and "١٢٣٤٥٦" are not codes.</summary>
    public static bool TryParse(string? text, out VerificationCode code)
    {
        code = default;
        if (text is null || text.Length != Digits || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = new VerificationCode(text);
        return true;
    }

    /// <summary>Never the code itself: a stray log line must not leak it.</summary>
    public override string ToString() => "******";
}
