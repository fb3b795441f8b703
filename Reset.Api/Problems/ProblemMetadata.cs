using FastEndpoints;

namespace Reset.Api.Problems;

public static class ProblemMetadata
{
    /// <summary>Declares the problem answers an endpoint gives, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblemFE<ApiProblem>(status);
        }

        return builder;
    }
}
