using System.Net.Http.Json;

namespace Reset.Tests.Faults;

/// <summary>The journey's routes, for requests a test sends itself (with a cancellation token, or timed).</summary>
internal static class Paths
{
    public const string Start = "/api/v1/password-resets";

    public static string Ticket(string ticketId) => $"/api/v1/password-resets/{ticketId}";

    public static string Codes(string ticketId) => $"/api/v1/password-resets/{ticketId}/codes";

    public static string Verification(string ticketId) => $"/api/v1/password-resets/{ticketId}/verification";

    public static string Password(string ticketId) => $"/api/v1/password-resets/{ticketId}/password";

    public static string SupportRequests(string ticketId) => $"/api/v1/password-resets/{ticketId}/support-requests";
}

/// <summary>The journey's request bodies, as a client sends them.</summary>
internal static class Bodies
{
    public static JsonContent Start(string login) => JsonContent.Create(new { login, humanCheckToken = "test-token" });

    public static JsonContent Code() => JsonContent.Create(new { method = "email" });

    public static JsonContent Verification(string code) => JsonContent.Create(new { code });

    public static JsonContent Password(string resetToken, string newPassword) =>
        JsonContent.Create(new { resetToken, newPassword, confirmPassword = newPassword });

    public static JsonContent Support(string contactEmail) =>
        JsonContent.Create(new { contactEmail, message = "I no longer have access to my mailbox." });
}
