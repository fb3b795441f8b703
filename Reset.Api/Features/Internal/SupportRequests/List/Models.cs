using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FastEndpoints;
using NJsonSchema.Annotations;

namespace Reset.Api.Features.Internal.SupportRequests.List;

[JsonSchema("ListSupportRequestsRequest")]
public sealed class Request
{
    /// <summary>"open" (default), "resolved" or "all".</summary>
    [QueryParam]
    public string? Status { get; init; }

    /// <summary>At most this many, 1–200 (default 50).</summary>
    [QueryParam]
    public int? Limit { get; init; }

    /// <summary>nextCursor of the previous page; left out for the first.</summary>
    [QueryParam]
    public string? Cursor { get; init; }
}

/// <param name="Items">Oldest first.</param>
/// <param name="NextCursor">Pass as cursor for the next page; null on the last one.</param>
[JsonSchema("SupportRequestPage")]
public sealed record Response(IReadOnlyList<SupportRequestResponse> Items, string? NextCursor);

/// <summary>Where a page ended: the last item's creation time and id, opaque to callers.</summary>
internal readonly record struct PageCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryParse(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
