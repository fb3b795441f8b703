using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Browser;

/// <summary>
/// The /demo reference page walks the brief's journey in Chromium against the live service, with
/// the real ALTCHA check solved by the widget's own worker and the code read from the e-mail. Each
/// step is saved as a PNG (<see cref="Screenshots"/>); README shows them.
/// </summary>
public sealed class DemoPageTests(LiveApp app, Chromium chromium) : IClassFixture<LiveApp>, IClassFixture<Chromium>
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task Customer_resets_the_password_step_by_step_in_the_browser()
    {
        var customer = await CreateCustomerAsync("jane.doe@example.com", "jane");
        var (page, watch) = await OpenAsync();

        await page.GotoAsync("/demo");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "1-sign-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await Step(page).GetByLabel("E-mail address or member ID").FillAsync(customer.Email);
        await SlideToVerifyAsync(page);
        await Screenshots.SaveAsync(page, "2-login-and-human-check");

        await page.GetByRole(AriaRole.Button, new() { Name = "Request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How do you want to prove it's you?" })).ToBeVisibleAsync();
        await Expect(page.Locator("#destination")).ToHaveTextAsync(EmailMask.Mask(EmailAddress.Parse(customer.Email)));
        await Screenshots.SaveAsync(page, "3-methods");

        await page.GetByRole(AriaRole.Button, new() { Name = "Get code" }).ClickAsync();
        await Expect(page.Locator("#code-sent")).ToContainTextAsync("We sent a six-digit code to j***e@e***.com");
        var code = await app.ReceiveCodeAsync(customer.Email);
        var codeField = Step(page).GetByLabel("Six-digit code");
        (await codeField.GetAttributeAsync("autocomplete")).ShouldBe("one-time-code");
        (await codeField.GetAttributeAsync("inputmode")).ShouldBe("numeric");
        await codeField.FillAsync(WrongCode(code));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.Locator("#step-code .error")).ToHaveTextAsync("That code is not right. 4 tries left.");
        await codeField.FillAsync(code);
        await Expect(page.Locator("#step-code .error")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "4-code");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await Expect(page.Locator("#advice")).ToContainTextAsync("A few words that don't belong together");
        // Typed key by key: the page asks the policy once typing pauses.
        await Step(page).GetByLabel("New password", new() { Exact = true }).PressSequentiallyAsync("jane.doe 2024");
        await Expect(page.Locator("#violations li[data-code=contains_email_local_part]")).ToBeVisibleAsync();
        await Expect(page.Locator("#strength")).ToContainTextAsync("Strength:");
        await Screenshots.SaveAsync(page, "5-password-too-weak");

        await Step(page).GetByLabel("New password", new() { Exact = true }).FillAsync("");
        await Step(page).GetByLabel("New password", new() { Exact = true }).PressSequentiallyAsync(NewPassword);
        await Expect(page.Locator("#strength")).ToHaveTextAsync("Strength: very strong. This password will do.");
        await Expect(page.Locator("#violations li")).ToHaveCountAsync(0);
        await Step(page).GetByLabel("New password again").FillAsync(NewPassword);
        await Expect(page.Locator("#match")).ToHaveTextAsync("The passwords match.");
        await Screenshots.SaveAsync(page, "6-new-password");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your password is changed" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "7-done");

        (await PasswordWorksAsync(customer.Email, NewPassword)).ShouldBeTrue("the password set in the browser must be the account's password now");
        (await app.Smtp.WaitForAsync(customer.Email, 2)).Subject.ShouldNotBeNull().ShouldContain("changed");
        watch.ShouldHaveStayedWithinThePublicApi(app.BaseUrl);
    }

    [Fact]
    public async Task Customer_who_lost_the_mailbox_asks_customer_support_in_the_browser()
    {
        var customer = await CreateCustomerAsync("sam.lee@example.com", "samlee");
        var (page, watch) = await OpenAsync();

        await page.GotoAsync("/demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await Step(page).GetByLabel("E-mail address or member ID").FillAsync(customer.MemberId);
        await SlideToVerifyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Request" }).ClickAsync();
        // A member ID shows no part of the account's address.
        await Expect(page.Locator("#destination")).ToHaveTextAsync("the e-mail address of your account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Contact customer support" }).ClickAsync();
        await Step(page).GetByLabel("E-mail address we can reach you at").FillAsync("sam.personal@example.net");
        await Step(page).GetByLabel("What happened?").FillAsync("My old work mailbox was closed when I changed jobs.");
        await Screenshots.SaveAsync(page, "8-support-request");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to customer support" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer support has your request" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "9-support-request-sent");

        var reference = await page.Locator("#reference").InnerTextAsync();
        reference.ShouldMatch("^SR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$");
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().SupportRequests.AsNoTracking()
            .SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken);
        stored.UserId.ShouldBe(customer.Id);
        stored.ContactEmail.ShouldBe("sam.personal@example.net");
        watch.ShouldHaveStayedWithinThePublicApi(app.BaseUrl);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The step the page shows now; the others are hidden.</summary>
    private static ILocator Step(IPage page) => page.Locator("main > section:not([hidden])");

    /// <summary>The altcha widget fetches a challenge, solves it in its worker, and turns to "Verified".</summary>
    private static async Task SlideToVerifyAsync(IPage page)
    {
        var widget = page.Locator("altcha-widget");
        await widget.GetByText("Slide to verify").ClickAsync();
        await Expect(widget.GetByText("Verified")).ToBeVisibleAsync();
    }

    /// <summary>The code with its first digit changed: certainly wrong.</summary>
    private static string WrongCode(string code) => (char)('0' + ((code[0] - '0' + 1) % 10)) + code[1..];

    private async Task<(IPage Page, PageWatch Watch)> OpenAsync()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        return (page, PageWatch.On(page));
    }

    private async Task<Customer> CreateCustomerAsync(string email, string memberId)
    {
        var customer = new Customer(email, memberId, "Old-password-" + memberId + "-2019");
        using var scope = app.Services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var account = UserAccount.Register(Guid.CreateVersion7(), EmailAddress.Parse(email), MemberId.Parse(memberId),
            await hasher.HashAsync(customer.Password, TestContext.Current.CancellationToken), app.Time.GetUtcNow());
        db.Users.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return customer with { Id = account.Id };
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().Users.AsNoTracking()
            .SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        return await scope.ServiceProvider.GetRequiredService<IPasswordHasher>().VerifyAsync(account.PasswordHash, password, TestContext.Current.CancellationToken);
    }

    /// <summary>What a page asked for and what went wrong in it: requests, console errors (CSP refusals among them), uncaught exceptions.</summary>
    private sealed class PageWatch
    {
        private readonly List<string> _requests = [];
        private readonly List<string> _errors = [];

        public static PageWatch On(IPage page)
        {
            var watch = new PageWatch();
            page.Request += (_, request) => { lock (watch._requests) { watch._requests.Add(request.Method + " " + request.Url); } };
            page.Console += (_, message) =>
            {
                // Chromium logs every 4xx answer; the API's are part of the journey (a wrong code, say).
                var apiRefusal = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                    && message.Location.Contains("/api/v1/", StringComparison.Ordinal);
                if (message.Type is "error" or "warning" && !apiRefusal)
                {
                    lock (watch._errors) { watch._errors.Add(message.Type + ": " + message.Text); }
                }
            };
            page.PageError += (_, error) => { lock (watch._errors) { watch._errors.Add("uncaught: " + error); } };
            return watch;
        }

        /// <summary>The page loaded only its own files and called only /api/v1, and nothing went wrong in it.</summary>
        public void ShouldHaveStayedWithinThePublicApi(string baseUrl)
        {
            List<string> requests, errors;
            lock (_requests) { requests = [.. _requests]; }
            lock (_errors) { errors = [.. _errors]; }
            var pattern = new Regex("^(GET|POST) " + Regex.Escape(baseUrl) + "/(demo(/[a-z0-9.-]*)?|api/v1/[a-z0-9/-]+)$");
            requests.ShouldNotBeEmpty();
            requests.Where(request => !pattern.IsMatch(request)).ShouldBeEmpty();
            requests.ShouldContain(request => request.Contains("/api/v1/human-check/challenge", StringComparison.Ordinal));
            errors.ShouldBeEmpty();
        }
    }
}
