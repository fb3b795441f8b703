using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Api.Hosting;

/// <summary>
/// Section "Swagger": what the OpenAPI document (/openapi/v1.json) and Swagger UI describe. The
/// internal API is for the shop's own services: outside Development its description, which names
/// every internal operation and scope, is left out unless asked for.
/// </summary>
public sealed class SwaggerOptions
{
    public const string Section = "Swagger";

    /// <summary>"true" or "false": describe the /internal/v1 operations too. Unset: true in Development only.</summary>
    public string? IncludeInternal { get; set; }

    public bool IncludesInternal(IHostEnvironment environment) =>
        IncludeInternal is null ? environment.IsDevelopment() : bool.Parse(IncludeInternal);
}

internal sealed class SwaggerOptionsValidator : IValidateOptions<SwaggerOptions>
{
    public ValidateOptionsResult Validate(string? name, SwaggerOptions options) =>
        IsValid(options)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Setting.Name("Swagger:IncludeInternal")} must be true or false.");

    public static bool IsValid(SwaggerOptions options) => options.IncludeInternal is null || bool.TryParse(options.IncludeInternal, out _);
}
