using Microsoft.AspNetCore.WebUtilities;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reset.Api.Problems;

/// <summary>
/// Describes the problem answers that endpoints list without words of their own (FastEndpoints then
/// writes the bare reason phrase, "Not Found"), once for all: which problem code each status means.
/// </summary>
internal sealed class ProblemDescriptions : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var (path, item) in context.Document.Paths)
        {
            foreach (var response in item.Values.SelectMany(operation => operation.Responses))
            {
                var status = int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture);
                var own = response.Value.Description;
                if (status >= 400 && (string.IsNullOrEmpty(own) || own == ReasonPhrases.GetReasonPhrase(status))
                    && DefaultFor(status, path) is { } description)
                {
                    response.Value.Description = description;
                }
            }
        }
    }

    private static string? DefaultFor(int status, string path) => status switch
    {
        400 => $"{ProblemCodes.ValidationFailed} (errors names each field) or {ProblemCodes.MalformedRequest}.",
        404 when path.Contains("{ticketId}", StringComparison.Ordinal) => $"{ProblemCodes.TicketNotFound}: no such ticket, or it expired; start again.",
        423 => $"{ProblemCodes.TicketLocked}: too many wrong codes; start again.",
        429 => $"{ProblemCodes.RateLimited}: too many requests (Retry-After says when to try again).",
        503 => $"{ProblemCodes.DependencyUnavailable}: PostgreSQL or Redis did not answer (Retry-After says when to try again).",
        _ => null,
    };
}
