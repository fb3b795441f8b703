using FastEndpoints;
using Reset.Infrastructure.Localization;
using Policy = Reset.Domain.Passwords.PasswordPolicy;

namespace Reset.Api.Features.PasswordPolicy.Get;

/// <summary>The rules a new password must meet, so a form can hint at them while the customer types.</summary>
public sealed class Endpoint(Policy policy) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/password-policy");
        AllowAnonymous();
        Description(b => b.WithName("getPasswordPolicy").WithTags("Password policy"));
        Summary(s =>
        {
            s.Summary = "The password rules in force";
            s.Description = "For live hints in forms. Lengths count Unicode code points after NFKC normalisation; composition rules are off unless the shop turns them on (NIST SP 800-63B and OWASP ASVS advise against them).";
            s.Responses[200] = "The rules and a paragraph of advice for the customer.";
        });
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(Response.From(policy.Settings, Languages.Current), ct);
}
