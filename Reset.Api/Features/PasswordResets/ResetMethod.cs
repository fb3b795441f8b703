using System.Text.Json.Serialization;

namespace Reset.Api.Features.PasswordResets;

/// <summary>A way to prove the account is yours: an e-mailed code, or a person in customer support.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(EmailResetMethod), "email")]
[JsonDerivedType(typeof(SupportResetMethod), "support")]
public abstract record ResetMethod
{
    public static IReadOnlyList<ResetMethod> For(string? destination) => [new EmailResetMethod(destination), new SupportResetMethod()];
}

/// <param name="Destination">
/// The address the customer typed, masked ("j***n@e***.com"); null when they typed a member ID, since
/// masking the account's own address would tell a stranger part of it.
/// </param>
public sealed record EmailResetMethod(string? Destination) : ResetMethod;

public sealed record SupportResetMethod : ResetMethod;
