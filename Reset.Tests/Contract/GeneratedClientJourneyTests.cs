using System.Text.Json;
using Reset.Tests.Contract.Generated;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Contract;

/// <summary>
/// A C# backend walks the journey with the client NSwag generates from openapi.yaml, against the real
/// service: what the document promises is what the service answers, down to the problem codes.
/// </summary>
public sealed class GeneratedClientJourneyTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    private const string NewPassword = "violet kettle drums at noon";

    [Fact]
    public async Task A_backend_walks_the_whole_journey_with_the_NSwag_client()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await app.CreateCustomerAsync();
        var client = new ResetServiceClient(app.CreateClient());

        var started = await client.StartPasswordResetAsync(new() { Login = customer.Email, HumanCheckToken = "test-token" }, cancellationToken: ct);
        started.Status.ShouldBe("started");
        started.Methods.ShouldNotBeNull().OfType<EmailResetMethod>().Single().Destination.ShouldNotBeNull().ShouldContain("***");
        started.Methods.OfType<SupportResetMethod>().ShouldHaveSingleItem();
        var ticketId = started.TicketId.ShouldNotBeNull();

        var sent = await client.SendPasswordResetCodeAsync(ticketId, new() { Method = "email" }, cancellationToken: ct);
        sent.SendsRemaining.ShouldBe(2);
        sent.CodeExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(app.Time.GetUtcNow());

        var code = await app.ReceiveCodeAsync(customer.Email);
        var verified = await client.VerifyPasswordResetCodeAsync(ticketId, new() { Code = code }, cancellationToken: ct);
        verified.ResetToken.ShouldNotBeNullOrWhiteSpace();

        await client.SetNewPasswordAsync(ticketId, new() { ResetToken = verified.ResetToken, NewPassword = NewPassword, ConfirmPassword = NewPassword }, cancellationToken: ct);

        (await client.GetPasswordResetAsync(ticketId, cancellationToken: ct)).Status.ShouldBe("completed");
        var hash = (await Http.PasswordResets.AccountRows.ReadAsync(app, customer.Id)).PasswordHash;
        Isopoh.Cryptography.Argon2.Argon2.Verify(hash, NewPassword).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_code_surfaces_as_ApiException_with_the_status_and_the_problem_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = await app.CreateCustomerAsync();
        var client = new ResetServiceClient(app.CreateClient());
        var ticketId = (await client.StartPasswordResetAsync(new() { Login = customer.MemberId, HumanCheckToken = "test-token" }, cancellationToken: ct)).TicketId!;
        await client.SendPasswordResetCodeAsync(ticketId, new() { Method = "email" }, cancellationToken: ct);
        var code = await app.ReceiveCodeAsync(customer.Email);

        var wrong = await Should.ThrowAsync<ApiException<ApiProblem>>(
            () => client.VerifyPasswordResetCodeAsync(ticketId, new() { Code = code == "000000" ? "000001" : "000000" }, cancellationToken: ct));

        wrong.StatusCode.ShouldBe(400);
        wrong.Result.Code.ShouldBe("code_invalid");
        wrong.Result.Status.ShouldBe(400);
        // Members the schema does not name land in AdditionalProperties.
        ((JsonElement)wrong.Result.AdditionalProperties["attemptsRemaining"]).GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task An_unknown_ticket_surfaces_as_ApiException_404_ticket_not_found()
    {
        var client = new ResetServiceClient(app.CreateClient());

        var missing = await Should.ThrowAsync<ApiException<ApiProblem>>(
            () => client.GetPasswordResetAsync("k5v2mzq7d3x4hwa6ny8pcr3t2e", cancellationToken: TestContext.Current.CancellationToken));

        missing.StatusCode.ShouldBe(404);
        missing.Result.Code.ShouldBe("ticket_not_found");
    }
}
