using System.Net;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>Email:CodeInSubject on: the subject shows the code, first, as a phone's notification would show it.</summary>
public sealed class CodeInSubjectTests(CodeInSubjectTests.CodeInSubjectApp app) : IClassFixture<CodeInSubjectTests.CodeInSubjectApp>
{
    public sealed class CodeInSubjectApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["Email:CodeInSubject"] = "true";
        }
    }

    [Fact]
    public async Task With_Email_CodeInSubject_on_the_subject_starts_with_the_code_the_body_holds()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);

        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var message = await app.Smtp.WaitForAsync(customer.Email);
        var code = CodeEmails.CodeIn(message).ShouldNotBeNull();
        message.Subject.ShouldBe($"{code} is your Example Shop password reset code");
    }
}
