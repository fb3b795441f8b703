using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Contexts;
using Reset.Api.Problems;

namespace Reset.Api.Idempotency;

/// <summary>
/// Declares what <see cref="IdempotencyMiddleware"/> does in the OpenAPI document: the optional
/// Idempotency-Key header on every endpoint that takes one, and the 409 and 422 answers it can give there.
/// </summary>
internal sealed class IdempotencyKeyDocumentation : IOperationProcessor
{
    private static readonly string HeaderDescription =
        "Optional; makes a retry safe. The same key and body, while the ticket concerned lives (at most its lifetime), get the first answer again " +
        $"(marked `{IdempotencyMiddleware.ReplayedHeader}: true`) instead of running twice. Only requests the endpoint accepted are remembered: " +
        "not a validation failure, a failed human check, a 429 or a 5xx, so their retry runs anew. " +
        $"1 to {IdempotencyMiddleware.MaxKeyLength} visible ASCII characters, such as a UUID.";

    private const string InProgress = $"{ProblemCodes.IdempotencyInProgress}: the first request with this Idempotency-Key is still running; retry after Retry-After seconds.";

    private const string Reused = $"{ProblemCodes.IdempotencyKeyReused}: this Idempotency-Key came with another request body.";

    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        if (!string.Equals(description.Method, OpenApiOperationMethod.Post, StringComparison.OrdinalIgnoreCase)
            || context is not AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor.EndpointMetadata: var metadata }
            || !metadata.OfType<IdempotentEndpoint>().Any())
        {
            return true;
        }

        var operation = description.Operation;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,
            Description = HeaderDescription,
            Schema = new JsonSchema
            {
                Type = JsonObjectType.String,
                MinLength = 1,
                MaxLength = IdempotencyMiddleware.MaxKeyLength,
                Pattern = "^[!-~]+$",
            },
            Example = "4b8f3c2e-7d1a-4e6b-9c0f-2a5d8e1b7f34",
        });

        var problem = context.SchemaGenerator.GenerateWithReferenceAndNullability<JsonSchema>(
            typeof(ApiProblem).ToContextualType(), false, context.SchemaResolver);
        AddOrExtend(operation, StatusCodes.Status409Conflict, InProgress, problem);
        AddOrExtend(operation, StatusCodes.Status422UnprocessableEntity, Reused, problem);
        return true;
    }

    /// <summary>A status the endpoint already declares (409 ticket_state) keeps its words and gains these.</summary>
    private static void AddOrExtend(OpenApiOperation operation, int status, string text, JsonSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared))
        {
            declared.Description = string.IsNullOrWhiteSpace(declared.Description) ? text : $"{declared.Description.TrimEnd()} Or {text}";
            return;
        }

        var response = new OpenApiResponse { Description = text };
        response.Content[ApiProblem.ContentType] = new OpenApiMediaType { Schema = problem };
        operation.Responses[key] = response;
    }
}
