using Microsoft.Extensions.Options;
using Reset.Domain.Tickets;

namespace Reset.Infrastructure.Configuration;

internal sealed class ResetRulesValidator : IValidateOptions<ResetRules>
{
    public const string Section = "PasswordReset";

    public ValidateOptionsResult Validate(string? name, ResetRules options) =>
        options.FindInvalid() is { } problem
            ? ValidateOptionsResult.Fail($"{Setting.Name(Section + ":" + problem.Split(' ')[0])} {problem[(problem.IndexOf(' ', StringComparison.Ordinal) + 1)..]}.")
            : ValidateOptionsResult.Success;
}
