using System.Text.RegularExpressions;
using MimeKit;

namespace Reset.Tests.Fixtures;

/// <summary>
/// Reads the code out of a code e-mail's text body, as a customer reads it: the subject carries it only
/// when Email:CodeInSubject is on, which is not the default.
/// </summary>
public static partial class CodeEmails
{
    /// <summary>The six digits the e-mail's text holds, or null for an e-mail without a code (a notice, an acknowledgement).</summary>
    public static string? CodeIn(MimeMessage message) =>
        SixDigits().Match(message.TextBody ?? string.Empty) is { Success: true } match ? match.Value : null;

    [GeneratedRegex("(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
