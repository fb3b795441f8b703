using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Localization;

/// <summary>
/// Each request is answered in the best language its Accept-Language header asks for among English,
/// Ukrainian and Russian ("uk-UA" counts as Ukrainian), English otherwise; the answer says which in
/// Content-Language. Only the words change: formats and everything machine-readable stay the same.
/// </summary>
internal static class RequestLanguages
{
    /// <summary>Header entries looked at, best first; the rest are ignored, so a long header costs nothing.</summary>
    public const int MaxEntries = 10;

    public static IServiceCollection AddRequestLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // The process's culture keeps formatting whatever a client sends; the UI culture picks the words.
            var formatting = CultureInfo.CurrentCulture;
            options.DefaultRequestCulture = new RequestCulture(formatting, CultureInfo.GetCultureInfo(Language.English.Tag()));
            options.SupportedCultures = [formatting];
            options.SupportedUICultures = [.. Languages.All.Select(language => CultureInfo.GetCultureInfo(language.Tag()))];
            options.FallBackToParentUICultures = true;
            // The header only: no query string or cookie, so a link cannot change what a customer reads.
            options.RequestCultureProviders = [new AcceptLanguageProvider()];
        });

    /// <summary>Goes before the exception handler, so that an answer to a failure is in the request's language too.</summary>
    public static IApplicationBuilder UseRequestLanguages(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            var tag = Languages.Current.Tag();
            // On starting, not now: the exception handler clears the headers of a failed answer.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentLanguage = tag;
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>
    /// Accept-Language ranked by q-value, ties in the client's order. Unlike ASP.NET Core's own provider
    /// it drops <c>q=0</c>, which RFC 9110 (12.4.2) defines as "not acceptable". The internal API
    /// answers services, in English words of its own: it is not asked.
    /// </summary>
    private sealed class AcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.Request.Path.StartsWithSegments("/internal", StringComparison.OrdinalIgnoreCase))
            {
                return NullProviderCultureResult;
            }

            var ranked = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .Take(MaxEntries)
                .Where(entry => entry.Quality is not 0)
                .OrderByDescending(entry => entry.Quality ?? 1)
                .Select(entry => entry.Value)
                .ToList();
            return Task.FromResult(ranked.Count == 0 ? null : new ProviderCultureResult(ranked));
        }
    }
}
