using System.Text.RegularExpressions;
using MimeKit;

namespace Reset.Tests.Fixtures;

/// <summary>
/// Reads the code out of a code e-mail's text body, as a customer reads it: the subject carries it only
/// when Email:CodeInSubject is on, which is not the default.
/// </summary>
public static partial class CodeEmails
{
    /// <summary>
    /// The code the e-mail's text holds, six digits or a long code as shown (two groups of five
    /// base32 characters), or null for an e-mail without a code (a notice, an acknowledgement).
    /// </summary>
    public static string? CodeIn(MimeMessage message) =>
        Code().Match(message.TextBody ?? string.Empty) is { Success: true } match ? match.Value : null;

    [GeneratedRegex("(?<![0-9A-Za-z])(?:[0-9]{6}|[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})(?![0-9A-Za-z])")]
    private static partial Regex Code();
}
