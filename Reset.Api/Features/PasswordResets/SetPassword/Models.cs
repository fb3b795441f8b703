namespace Reset.Api.Features.PasswordResets.SetPassword;

/// <param name="ResetToken">From the code verification.</param>
/// <param name="NewPassword">The new password: 12 to 128 characters, any characters, spaces too.</param>
/// <param name="ConfirmPassword">The same password again.</param>
public sealed record Request(string TicketId, string? ResetToken, string? NewPassword, string? ConfirmPassword);
