namespace Reset.Domain.Passwords;

/// <summary>
/// The 30,000 most common passwords of zxcvbn's list (Data/common-passwords.txt, embedded in this
/// assembly), loaded once per process on first use. Compares in lower case, as the list is written.
/// </summary>
public sealed class EmbeddedPasswordBlocklist : IPasswordBlocklist
{
    private const string ResourceName = "Reset.Domain.Passwords.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public int Count => Passwords.Value.Count;

    public bool Contains(string normalizedPassword)
    {
        ArgumentNullException.ThrowIfNull(normalizedPassword);
        return Passwords.Value.Contains(normalizedPassword.ToLowerInvariant());
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(EmbeddedPasswordBlocklist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(EmbeddedPasswordBlocklist).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }

        return passwords;
    }
}
