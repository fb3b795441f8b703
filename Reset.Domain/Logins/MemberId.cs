using System.Text;

namespace Reset.Domain.Logins;

/// <summary>
/// A shop's member ID ("demo", "buyer_1982"): 2–64 letters, digits, '.', '_' or '-', compared
/// case-insensitively and stored in lower case.
/// </summary>
public sealed record MemberId
{
    public const int MinLength = 2;
    public const int MaxLength = 64;

    private MemberId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out MemberId memberId)
    {
        memberId = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = text.Trim().Normalize(NormalizationForm.FormKC);
        if (candidate.Length is < MinLength or > MaxLength
            || !candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return false;
        }

        memberId = new MemberId(candidate.ToLowerInvariant());
        return true;
    }

    public static MemberId Parse(string text) =>
        TryParse(text, out var memberId) ? memberId : throw new FormatException("Not a member ID.");

    public override string ToString() => Value;
}
