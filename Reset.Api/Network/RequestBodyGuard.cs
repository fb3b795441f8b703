using Microsoft.AspNetCore.Http.Features;
using Reset.Api.Localization;
using Reset.Api.Problems;

namespace Reset.Api.Network;

/// <summary>
/// Every request body this API takes is a small JSON object. A larger body is refused before it is
/// read (at once when Content-Length says so, by Kestrel's per-request limit when it is chunked),
/// and a body that says it is not JSON is refused rather than silently ignored.
/// </summary>
internal static class RequestBodyGuard
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseRequestBodyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength > MaxBytes)
            {
                // The client may still be sending: close the connection rather than read the rest.
                context.Response.Headers.Connection = "close";
                await Problem.Of(context, StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge,
                    ProblemTexts.BodyTooLarge.With("size", MaxBytes / 1024)).ExecuteAsync(context);
                return;
            }

            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
            if (hasBody && !IsJson(request.ContentType))
            {
                await Problem.Of(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                    ProblemTexts.SendJson).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBytes;
            }

            if (hasBody)
            {
                // Read through a memory buffer. At shutdown Kestrel wakes every connection's reader; a
                // JSON body still arriving, read straight from the pipe (.NET 10's ReadFromJsonAsync),
                // takes that for a cancellation and the request fails with 500 instead of finishing.
                request.EnableBuffering(bufferThreshold: (int)MaxBytes);
            }

            await next(context);
        });

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);
}
