using System.Net;
using Reset.Tests.Faults;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Soak;

/// <summary>How one customer's journey ended. <see cref="PasswordReported"/>: the client got the 204.</summary>
internal sealed record JourneyOutcome(Customer Customer, bool PasswordReported, bool Abandoned, string? StoppedAt, TimeSpan Took)
{
    public bool Completed => PasswordReported;
}

/// <summary>One customer's whole journey, as the app walks it: start, get code, read the e-mail, confirm, new password.</summary>
internal sealed partial class SoakJourney(SoakClient client, SmtpCatcher smtp, Customer customer)
{
    /// <summary>A journey not done by then counts as abandoned: the customer gave up.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public const string NewPassword = "violet kettle drums at noon";

    public async Task<JourneyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var began = DateTime.UtcNow;
        var deadline = began + Deadline;
        JourneyOutcome Stopped(string step, StepAnswer answer) =>
            new(customer, false, answer.Status is null, $"{step}: {answer}", DateTime.UtcNow - began);

        var start = await client.PostAsync("start", Paths.Start, new { login = customer.Email, humanCheckToken = "soak" }, deadline, cancellationToken);
        if (start.Status != HttpStatusCode.Created)
        {
            return Stopped("start", start);
        }

        var ticketId = start.Property("ticketId")!;
        var sent = await client.PostAsync("codes", Paths.Codes(ticketId), new { method = "email" }, deadline, cancellationToken);
        if (sent.Status != HttpStatusCode.Accepted)
        {
            return Stopped("codes", sent);
        }

        if (await ReceiveCodeAsync(deadline, cancellationToken) is not { } code)
        {
            return new JourneyOutcome(customer, false, true, "e-mail: no code arrived", DateTime.UtcNow - began);
        }

        var verified = await client.PostAsync("verification", Paths.Verification(ticketId), new { code }, deadline, cancellationToken);
        if (verified.Status != HttpStatusCode.OK)
        {
            return Stopped("verification", verified);
        }

        var token = verified.Property("resetToken")!;
        var changed = await client.PostAsync("password", Paths.Password(ticketId),
            new { resetToken = token, newPassword = NewPassword, confirmPassword = NewPassword }, deadline, cancellationToken);
        return changed.Status == HttpStatusCode.NoContent
            ? new JourneyOutcome(customer, true, false, null, DateTime.UtcNow - began)
            : Stopped("password", changed);
    }

    /// <summary>The code from the latest code e-mail to the customer (a newer code cancels an older one), or null by the deadline.</summary>
    private async Task<string?> ReceiveCodeAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        while (DateTime.UtcNow < deadline)
        {
            var codes = smtp.To(customer.Email).Select(CodeEmails.CodeIn).OfType<string>().ToList();
            if (codes.Count > 0)
            {
                return codes[^1];
            }

            await Task.Delay(100, cancellationToken);
        }

        return null;
    }
}
