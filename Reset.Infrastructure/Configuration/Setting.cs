namespace Reset.Infrastructure.Configuration;

/// <summary>Names a configuration key the way an operator sets it, so start-up errors say what to fix.</summary>
public static class Setting
{
    /// <summary>"Email:Smtp:Port" → "Email__Smtp__Port (Email:Smtp:Port)".</summary>
    public static string Name(string key) => $"{key.Replace(":", "__", StringComparison.Ordinal)} ({key})";
}
