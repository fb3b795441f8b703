using System.Security.Cryptography;

namespace Reset.Domain.Tickets;

/// <summary>
/// A ticket's public id: 128 random bits as 26 lower-case base32 characters. Unguessable, so knowing
/// an id is the only way to act on a ticket; URL-safe; and cheap to reject when malformed.
/// </summary>
public readonly record struct TicketId
{
    public const int Length = 26;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private TicketId(string value) => Value = value;

    public string Value { get; }

    public static TicketId New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        var bitBuffer = 0;
        var bitCount = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                chars[index++] = Alphabet[(bitBuffer >> (bitCount - 5)) & 31];
                bitCount -= 5;
            }
        }

        chars[index] = Alphabet[(bitBuffer << (5 - bitCount)) & 31];
        return new TicketId(new string(chars));
    }

    public static bool TryParse(string? text, out TicketId id)
    {
        id = default;
        if (text is null || text.Length != Length || !text.All(c => Alphabet.Contains(c)))
        {
            return false;
        }

        id = new TicketId(text);
        return true;
    }

    public override string ToString() => Value;
}
