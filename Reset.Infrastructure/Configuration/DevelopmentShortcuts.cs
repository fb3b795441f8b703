using Microsoft.Extensions.Hosting;

namespace Reset.Infrastructure.Configuration;

/// <summary>
/// The disabled human check, the published development keys, e-mail written to a folder and a plain
/// http siteverify URL are for a developer's machine. Every environment but Development (Staging,
/// Testing, Production, any other name) refuses them: a staging server reachable from outside is
/// attacked like a production one.
/// </summary>
internal static class DevelopmentShortcuts
{
    public static bool AllowedIn(IHostEnvironment environment) => environment.IsDevelopment();

    /// <summary>"not in Staging", for the start-up message.</summary>
    public static string NotIn(IHostEnvironment environment) => $"allowed in Development only, not in {environment.EnvironmentName}";
}
