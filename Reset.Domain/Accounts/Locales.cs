namespace Reset.Domain.Accounts;

/// <summary>The languages the service speaks to customers, by the tag stored as their preferred locale.</summary>
public static class Locales
{
    public const string English = "en";
    public const string Ukrainian = "uk";
    public const string Russian = "ru";

    public static IReadOnlyList<string> Supported { get; } = [English, Ukrainian, Russian];

    public static bool IsSupported(string? locale) => locale is not null && Supported.Contains(locale);
}
