namespace Reset.Domain.Passwords.Rules;

/// <summary>
/// A password must not contain what an attacker knows or tries first about the account: its login,
/// its e-mail's local part, the shop's name. Compared as skeletons (letters and digits, lower case),
/// so "J.Smith-2024" contains the login "jsmith".
/// </summary>
internal sealed class PasswordMustNotContain : IPasswordRule
{
    /// <summary>
    /// Shorter fragments are not checked: one or two characters ("jo", "li") turn up in good
    /// passwords by chance, so refusing them would turn customers away from strong passwords while
    /// keeping out nothing an attacker would gain from.
    /// </summary>
    public const int MinFragmentLength = 3;

    private readonly PasswordCandidate _candidate;
    private readonly string[] _fragments;

    private PasswordMustNotContain(PasswordCandidate candidate, IEnumerable<string?> fragments, PasswordViolation violation)
    {
        _candidate = candidate;
        _fragments = [.. fragments.OfType<string>().Select(PasswordCandidate.SkeletonOf).Where(f => f.Length >= MinFragmentLength)];
        Violation = violation;
    }

    public PasswordViolation Violation { get; }

    /// <summary>The login as typed, and the account's member ID and e-mail address.</summary>
    public static PasswordMustNotContain TheLogin(PasswordCandidate candidate, PasswordContext context) => new(
        candidate,
        [context.Login, context.MemberId, context.Email],
        new(PasswordViolationCodes.ContainsLogin, "Don't use your login (your e-mail address or member ID) in your password."));

    public static PasswordMustNotContain TheEmailLocalPart(PasswordCandidate candidate, PasswordContext context) => new(
        candidate,
        [LocalPartOf(context.Email)],
        new(PasswordViolationCodes.ContainsEmailLocalPart, "Don't use your e-mail address, or the part of it before the @, in your password."));

    public static PasswordMustNotContain TheShopName(PasswordCandidate candidate, string shopName) => new(
        candidate,
        [shopName],
        new(PasswordViolationCodes.ContainsShopName, $"Don't use the shop's name ({shopName}) in your password."));

    public bool IsBroken() => _fragments.Any(fragment => _candidate.Skeleton.Contains(fragment, StringComparison.Ordinal));

    internal static string? LocalPartOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 ? email![..at] : null;
    }
}
