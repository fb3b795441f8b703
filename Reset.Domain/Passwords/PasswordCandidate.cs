using System.Text;

namespace Reset.Domain.Passwords;

/// <summary>
/// A password as the rules see it: NFKC-normalised, its length in code points, and its skeleton
/// for containment checks. Never printed: <see cref="ToString"/> hides the text.
/// </summary>
internal sealed class PasswordCandidate
{
    private PasswordCandidate(string text)
    {
        Text = text;
        CodePoints = text.EnumerateRunes().Count();
        Skeleton = SkeletonOf(text);
    }

    /// <summary>The NFKC form: what is checked, and what gets hashed.</summary>
    public string Text { get; }

    /// <summary>Length in Unicode code points, so "é" and "😀" each count once.</summary>
    public int CodePoints { get; }

    /// <summary>Letters and digits only, in lower case: see <see cref="SkeletonOf"/>.</summary>
    public string Skeleton { get; }

    public static PasswordCandidate From(string password) => new(PasswordPolicy.Normalize(password));

    /// <summary>
    /// "John.Smith" and "john-smith" both become "johnsmith": containment compares skeletons, so
    /// separators and letter case do not hide a login or a shop's name inside a password.
    /// </summary>
    public static string SkeletonOf(string text)
    {
        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }

        var skeleton = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                skeleton.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return skeleton.ToString();
    }

    public override string ToString() => $"{nameof(PasswordCandidate)} {{ {CodePoints} code points }}";
}
