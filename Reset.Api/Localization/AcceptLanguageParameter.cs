using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reset.Api.Localization;

/// <summary>
/// Adds Accept-Language to every public operation in the OpenAPI document. Written out in each one: NSwag
/// points a <c>$ref</c> to a shared header parameter at its schema, not at the parameter (NSwag#2486).
/// </summary>
internal sealed class AcceptLanguageParameter : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        // The internal API answers in English whatever the caller asks.
        if (context.OperationDescription.Path.StartsWith("/internal/", StringComparison.Ordinal))
        {
            return true;
        }

        context.OperationDescription.Operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,
            // No example: Swagger UI would send it from every "Try it out", and answer in Ukrainian by default.
            Description = "The language of texts for people: en, uk or ru by q-value (\"uk-UA, ru;q=0.8\"; uk-UA counts as uk), else English. Content-Language says which.",
            Schema = new JsonSchema { Type = JsonObjectType.String },
        });
        return true;
    }
}
