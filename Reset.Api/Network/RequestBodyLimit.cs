using Microsoft.AspNetCore.Http.Features;
using Reset.Api.Problems;

namespace Reset.Api.Network;

/// <summary>
/// Every request body this API takes is a few hundred bytes. A larger one is refused before it is
/// read: at once when Content-Length says so, and by Kestrel's per-request limit when it is chunked.
/// </summary>
internal static class RequestBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                // The client may still be sending: close the connection rather than read the rest.
                context.Response.Headers.Connection = "close";
                await Problem.Of(context, StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge,
                    "The request body is too large.", $"Request bodies are at most {MaxBytes / 1024} KiB.").ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBytes;
            }

            await next(context);
        });
}
