using System.Net;
using MimeKit;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>With no SMTP host configured, e-mail lands as .eml files in the pickup folder.</summary>
public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task Without_an_smtp_host_the_code_email_is_written_as_an_eml_file()
    {
        await using var app = new PickupApp();
        await app.InitializeAsync();
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        MimeMessage? message = null;
        for (var i = 0; i < 100 && message is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            var files = Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [];
            foreach (var file in files)
            {
                var candidate = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                if (candidate.To.Mailboxes.Any(m => m.Address == customer.Email))
                {
                    message = candidate;
                }
            }
        }

        message.ShouldNotBeNull("no .eml file to the customer appeared in the pickup folder");
        message.Subject.ShouldNotBeNull().ShouldStartWith("Your Example Shop password reset code");
        CodeEmails.CodeIn(message).ShouldNotBeNull();
    }

    private sealed class PickupApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings.Remove("Email:Smtp:Host");
        }
    }
}
