namespace Reset.Api.Features.PasswordResets;

/// <summary>Values the OpenAPI examples share, so Swagger UI's "Try it out" reads as one journey.</summary>
internal static class Examples
{
    public const string ExampleTicketId = "k5v2mzq7d3x4hwa6ny8pcr3t2e";
}
