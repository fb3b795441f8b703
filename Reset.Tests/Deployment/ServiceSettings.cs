using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Reset.Api.Hosting;
using Reset.Infrastructure.Configuration;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Deployment;

/// <summary>
/// The settings the service reads, taken from the service itself: the options classes it binds
/// (<see cref="ConfigurationCheck.BoundSections"/>) walked by reflection the way the configuration
/// binder walks them, and its own start-up check run in Production on a given set of variables.
/// </summary>
internal static class ServiceSettings
{
    /// <summary>Every key the binder fills, "Email:Smtp:Host"; "*" stands for a list index or dictionary key.</summary>
    public static IReadOnlyList<string> KeyPatterns { get; } = Build();

    /// <summary>True when the service reads this environment variable ("Email__Smtp__Host", "Cors__AllowedOrigins__0").</summary>
    public static bool Reads(string variable)
    {
        var segments = variable.Split("__");
        return KeyPatterns.Any(pattern =>
        {
            var parts = pattern.Split(':');
            return parts.Length == segments.Length
                && parts.Zip(segments).All(pair => pair.First == "*" || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
        });
    }

    /// <summary>
    /// The service's own verdict on these environment variables in Production: what
    /// <see cref="ConfigurationCheck"/> would refuse to start with, on top of appsettings.json.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProblemsInProductionAsync(IReadOnlyDictionary<string, string> variables)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        // Nothing from the test run's own environment (./test.sh exports connection strings).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(Path.Combine(RepoRoot.Path, "Reset.Api", "appsettings.json"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(variables.Select(variable =>
            new KeyValuePair<string, string?>(variable.Key.Replace("__", ":", StringComparison.Ordinal), variable.Value)));
        builder.AddResetApi();
        await using var app = builder.Build();
        return ConfigurationCheck.FindProblems(app.Services);
    }

    /// <summary>
    /// Settings that hold a secret: they may reach a container only from a Kubernetes Secret or a
    /// compose variable, never as a literal in a committed file.
    /// </summary>
    public static bool IsSecret(string variable) =>
        variable.StartsWith("Secrets__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || variable.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || variable.EndsWith("__Secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value of the right shape for a secret the files only reference, so the start-up check can judge the rest.</summary>
    public static string StandInFor(string variable) => variable switch
    {
        "Secrets__HmacKey" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        "ConnectionStrings__Postgres" => "Host=postgres;Database=reset;Username=reset;Password=" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        "ConnectionStrings__Redis" => "redis:6379,password=" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)),
    };

    private static List<string> Build()
    {
        // The sections register as the service's builder wires them up.
        WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" }).AddResetApi();

        return [.. ConfigurationCheck.BoundSections.SelectMany(bound => KeysOf(bound.Section, bound.Options)).Distinct()];
    }

    private static IEnumerable<string> KeysOf(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(valueType))
            {
                // The binder sets scalars through a public setter only; a computed property is no setting.
                if (settable)
                {
                    yield return $"{prefix}:{name}";
                }

                continue;
            }

            foreach (var key in ElementKeys($"{prefix}:{name}", valueType))
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<string> ElementKeys(string key, Type type)
    {
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1]
            ?? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is null || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return KeysOf(key, type);
        }

        return IsScalar(element) ? [key + ":*"] : KeysOf(key + ":*", element);
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri);
}
