using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reset.Api.Network;

/// <summary>
/// Declares request bodies as <c>application/json</c>, the only kind <see cref="RequestBodyGuard"/> lets
/// through. FastEndpoints declares <c>*/*</c> for a request whose every property carries a binding
/// attribute (<c>[DontBind]</c>), and a generated client then sends <c>Content-Type: */*</c> and gets 415.
/// </summary>
internal sealed class RequestBodyDocumentation : IOperationProcessor
{
    private const string Json = "application/json";

    public bool Process(OperationProcessorContext context)
    {
        var content = context.OperationDescription.Operation.RequestBody?.Content;
        if (content is not null && content.Remove("*/*", out var body))
        {
            content.TryAdd(Json, body);
        }

        return true;
    }
}
