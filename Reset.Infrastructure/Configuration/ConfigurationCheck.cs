using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Configuration;

/// <summary>
/// Validates every settings section before the host starts, so an operator sees all that is wrong
/// at once, each by its name, instead of the host's first failure wrapped in a stack trace.
/// </summary>
public static class ConfigurationCheck
{
    private static readonly List<BoundSection> ValidatedOptions = [];

    /// <summary>
    /// Every options class the service binds, with its section: the settings it reads. The deployment
    /// tests derive the keys a manifest may set from these.
    /// </summary>
    public static IReadOnlyList<BoundSection> BoundSections
    {
        get
        {
            lock (ValidatedOptions)
            {
                return [.. ValidatedOptions];
            }
        }
    }

    internal static void Register<TOptions>(string section)
    {
        lock (ValidatedOptions)
        {
            if (!ValidatedOptions.Exists(bound => bound.Options == typeof(TOptions)))
            {
                ValidatedOptions.Add(new BoundSection(section, typeof(TOptions)));
            }
        }
    }

    public static IReadOnlyList<string> FindProblems(IServiceProvider services)
    {
        var failures = new List<string>();
        foreach (var type in BoundSections.Select(bound => bound.Options))
        {
            try
            {
                var accessor = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
                _ = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
            }
            catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is OptionsValidationException invalid)
            {
                failures.AddRange(invalid.Failures);
            }
        }

        return failures;
    }
}

/// <summary>An options class and the configuration section it is bound to ("Email" → EmailOptions).</summary>
public sealed record BoundSection(string Section, Type Options);
