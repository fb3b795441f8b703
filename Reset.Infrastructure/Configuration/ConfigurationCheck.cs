using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Configuration;

/// <summary>
/// Validates every settings section before the host starts, so an operator sees all that is wrong
/// at once, each by its name, instead of the host's first failure wrapped in a stack trace.
/// </summary>
public static class ConfigurationCheck
{
    private static readonly List<Type> ValidatedOptions = [];

    internal static void Register<TOptions>()
    {
        lock (ValidatedOptions)
        {
            if (!ValidatedOptions.Contains(typeof(TOptions)))
            {
                ValidatedOptions.Add(typeof(TOptions));
            }
        }
    }

    public static IReadOnlyList<string> FindProblems(IServiceProvider services)
    {
        var failures = new List<string>();
        Type[] types;
        lock (ValidatedOptions)
        {
            types = [.. ValidatedOptions];
        }

        foreach (var type in types)
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
