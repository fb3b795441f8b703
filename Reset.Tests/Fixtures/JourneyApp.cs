using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Persistence;

namespace Reset.Tests.Fixtures;

/// <summary>
/// The service with a real SMTP server to receive its e-mail and a clock the test can move forward.
/// Helpers walk the journey's steps the way a client does, over HTTP.
/// </summary>
public class JourneyApp : ResetApp
{
    public SmtpCatcher Smtp { get; } = new();

    public ShiftableTime Time { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        Settings["Email:Outbox:PollInterval"] = "00:00:00.200";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A new customer with a unique e-mail and member ID, and the locale the shop stored for them (default "en").</summary>
    public async Task<Customer> CreateCustomerAsync(AccountStatus status = AccountStatus.Active, string? locale = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var customer = new Customer($"customer.{suffix}@example.com", "m" + suffix, "Old-password-" + suffix);
        using var scope = Services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var account = UserAccount.Register(Guid.CreateVersion7(), EmailAddress.Parse(customer.Email), MemberId.Parse(customer.MemberId),
            await hasher.HashAsync(customer.Password), Time.GetUtcNow(), locale);
        account.ChangeStatus(status, Time.GetUtcNow());
        db.Users.Add(account);
        await db.SaveChangesAsync();
        return customer with { Id = account.Id };
    }

    public async Task<HttpResponseMessage> StartAsync(string login, string humanCheckToken = "test-token") =>
        await CreateClient().PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken });

    /// <summary>Starts a ticket and returns its id, failing the test if that does not answer 201.</summary>
    public async Task<string> StartTicketAsync(string login)
    {
        using var response = await StartAsync(login);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString()!;
    }

    public async Task<HttpResponseMessage> SendCodeAsync(string ticketId) =>
        await CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "email" });

    public async Task<HttpResponseMessage> VerifyAsync(string ticketId, string code) =>
        await CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code });

    public async Task<JsonElement> GetTicketAsync(string ticketId) =>
        await CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/password-resets/{ticketId}");

    public async Task<HttpResponseMessage> SetPasswordAsync(string ticketId, string resetToken, string newPassword, string? confirmPassword = null) =>
        await CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/password",
            new { resetToken, newPassword, confirmPassword = confirmPassword ?? newPassword });

    /// <summary>Walks to a verified ticket: start, send, read the code from the e-mail, verify. Returns the ticket and its token.</summary>
    public async Task<(string TicketId, string ResetToken)> VerifiedTicketAsync(Customer customer, int emailNumber = 1)
    {
        var ticketId = await StartTicketAsync(customer.Email);
        (await SendCodeAsync(ticketId)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
        var code = await ReceiveCodeAsync(customer.Email, emailNumber);
        using var verified = await VerifyAsync(ticketId, code);
        verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        return (ticketId, (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString()!);
    }

    /// <summary>The code from the n-th e-mail to the address (<see cref="SmtpCatcher.WaitForCodeAsync"/>).</summary>
    public Task<string> ReceiveCodeAsync(string email, int nth = 1) => Smtp.WaitForCodeAsync(email, nth);
}

public sealed record Customer(string Email, string MemberId, string Password)
{
    public Guid Id { get; init; }
}
