namespace Reset.Api.Hosting;

/// <summary>The API's description in the OpenAPI document and Swagger UI, written once.</summary>
internal static class OpenApiText
{
    // One line per paragraph: the YAML and Markdown renderings keep a line break as written.
    public const string Description =
        "Gets a storefront's customer back into an account after a forgotten password: start a reset with a login and a human check, receive a six-digit code by e-mail, verify it, set a new password. Customers who lost their mailbox open a support request instead.\n\n" +
        "Every error is an RFC 9457 problem details body (`application/problem+json`) with a stable machine-readable `code`, such as `validation_failed`, `ticket_not_found` or `rate_limited`.\n\n" +
        "Endpoints under `/internal/v1` are for the shop's own backend services: each call needs an API key (`Authorization: Bearer rsk_…`) with the scope the endpoint names.\n\n" +
        "Texts for people are in English, Ukrainian or Russian, as `Accept-Language` asks (English otherwise); `Content-Language` says which. Codes, field names and values never change with the language.";
}
