namespace Reset.Domain.Support;

/// <summary>
/// "SR-7K4Q-2M9X": eight characters from an alphabet without 0/O, 1/I/L or U, readable aloud.
/// 30^8 ≈ 6.6·10^11 values, so a stranger cannot guess another customer's case.
/// </summary>
public sealed record SupportReference
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 8;

    private SupportReference(string value) => Value = value;

    public string Value { get; }

    /// <param name="randomIndex">Returns a uniformly random integer in [0, max); a CSPRNG in production.</param>
    public static SupportReference New(Func<int, int> randomIndex)
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[randomIndex(Alphabet.Length)];
        }

        return new SupportReference($"SR-{chars[..4]}-{chars[4..]}");
    }

    public override string ToString() => Value;
}
