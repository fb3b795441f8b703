using NJsonSchema.Annotations;
using Reset.Domain.Accounts;

namespace Reset.Api.Features.Internal.Users;

/// <summary>A customer as the internal API shows it: never the password hash or the security stamp.</summary>
/// <param name="Id">The shop's id for the customer.</param>
/// <param name="Email">The address the customer signs in with and codes go to.</param>
/// <param name="MemberId">The member ID, lower-case; null when the customer has none.</param>
/// <param name="Phone">E.164, e.g. "+380441234567"; null when unknown.</param>
/// <param name="Locale">"en", "uk" or "ru": the language of e-mails to the customer.</param>
/// <param name="Status">"active", "locked" or "disabled"; only active customers can reset their password.</param>
/// <param name="PasswordChangedAt">When the password hash last changed, here or by the shop.</param>
[JsonSchema("InternalUser")]
public sealed record UserResponse(
    Guid Id, string Email, string? MemberId, string? Phone, string Locale, string Status,
    DateTimeOffset PasswordChangedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserResponse From(UserAccount user) => new(
        user.Id, user.Email, user.MemberId, user.Phone, user.PreferredLocale, StatusNames.ToWire(user.Status),
        user.PasswordChangedAt, user.CreatedAt, user.UpdatedAt);

    public static readonly UserResponse Example = new(
        Guid.Parse("019ac3a1-2b3c-7d4e-8f50-6a7b8c9d0e1f"), "john@example.com", "john_d", "+380441234567", "uk", "active",
        new DateTimeOffset(2026, 11, 2, 9, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 9, 15, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
}

/// <summary>Account statuses as the API spells them.</summary>
public static class StatusNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AccountStatus>().Select(ToWire)];

    public static string ToWire(AccountStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out AccountStatus status)
    {
        status = AccountStatus.Active;
        var match = Enum.GetValues<AccountStatus>().Where(s => ToWire(s) == text).ToList();
        if (match.Count != 1)
        {
            return false;
        }

        status = match[0];
        return true;
    }
}
