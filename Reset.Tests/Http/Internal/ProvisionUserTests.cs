using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Audit;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Http.PasswordResets;

namespace Reset.Tests.Http.Internal;

/// <summary>PUT /internal/v1/users/{id} creates and updates customers; GET reads them.</summary>
public sealed class ProvisionUserTests(InternalApiApp app) : IClassFixture<InternalApiApp>
{
    private const string Password = "violet kettle drums at noon";

    [Fact]
    public async Task A_new_customer_with_an_initial_password_is_created_and_can_sign_in_with_it()
    {
        var id = Guid.CreateVersion7();
        var email = $"New.Customer.{id:N}@Example.com";

        using var response = await PutAsync(id, new { email, memberId = "Buyer_" + id.ToString("N")[..8], phone = "+380 44 123 45 67", locale = "uk", status = "active", initialPassword = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/internal/v1/users/{id}");
        var body = await InternalApiApp.BodyAsync(response);
        body.GetProperty("id").GetGuid().ShouldBe(id);
        body.GetProperty("email").GetString().ShouldBe($"New.Customer.{id:N}@example.com");
        body.GetProperty("memberId").GetString().ShouldBe("buyer_" + id.ToString("N")[..8]);
        body.GetProperty("phone").GetString().ShouldBe("+380441234567");
        body.GetProperty("locale").GetString().ShouldBe("uk");
        body.GetProperty("status").GetString().ShouldBe("active");
        body.TryGetProperty("passwordHash", out _).ShouldBeFalse();
        body.TryGetProperty("securityStamp", out _).ShouldBeFalse();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(Password);

        var stored = await AccountRows.ReadAsync(app, id);
        stored.PasswordHash.ShouldStartWith("$argon2id$v=19$m=19456,t=2,p=1$");
        (await VerifyAsync(stored.PasswordHash, Password)).ShouldBeTrue();
        (await AuditDetailsAsync(id, AuditEventTypes.AccountProvisioned)).ShouldBe(["by API key crm"]);
    }

    [Fact]
    public async Task A_new_customer_with_a_hash_from_another_Argon2id_library_keeps_it_and_the_service_verifies_it()
    {
        var imported = Isopoh.Cryptography.Argon2.Argon2.Hash(Password, timeCost: 3, memoryCost: 65536, parallelism: 2,
            type: Isopoh.Cryptography.Argon2.Argon2Type.HybridAddressing);
        var id = Guid.CreateVersion7();
        var email = $"imported.{id:N}@example.com";

        using var response = await PutAsync(id, new { email, locale = "en", status = "active", passwordHash = imported });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AccountRows.ReadAsync(app, id)).PasswordHash.ShouldBe(imported);

        // The service's own hasher verifies it with its own parameters.
        (await VerifyAsync(imported, Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_update_answers_200_and_GET_shows_the_new_profile()
    {
        var (id, email) = await app.ProvisionAsync();
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, new { email, memberId = (string?)null, phone = "+15551234567", locale = "ru", status = "active" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var read = await app.Client(app.ReaderKey).GetAsync(new Uri($"/internal/v1/users/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await InternalApiApp.BodyAsync(read);
        body.GetProperty("memberId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("phone").GetString().ShouldBe("+15551234567");
        body.GetProperty("locale").GetString().ShouldBe("ru");
        var after = await AccountRows.ReadAsync(app, id);
        after.PasswordHash.ShouldBe(before.PasswordHash);
        after.SecurityStamp.ShouldBe(before.SecurityStamp);
        (await AuditDetailsAsync(id, AuditEventTypes.AccountUpdated)).ShouldBe(["by API key crm: profile"]);
    }

    [Fact]
    public async Task The_same_profile_again_changes_nothing()
    {
        var (id, email) = await app.ProvisionAsync();
        var profile = new { email, memberId = "p" + id.ToString("N")[..20], locale = "uk", status = "active" };
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, profile);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountRows.ReadAsync(app, id)).ShouldBe(before);
        (await AuditDetailsAsync(id, AuditEventTypes.AccountUpdated)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_email_address_rotates_the_stamp_and_voids_the_open_ticket_so_no_code_goes_to_the_old_address()
    {
        var (id, email) = await app.ProvisionAsync();
        var ticketId = await app.StartTicketAsync(email);
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, new { email = $"moved.{id:N}@example.net", locale = "uk", status = "active" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountRows.ReadAsync(app, id)).SecurityStamp.ShouldNotBe(before.SecurityStamp);
        using var send = await app.SendCodeAsync(ticketId);
        (await ProblemDetailsTests.ShouldBeProblemAsync(send, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("ticket_not_found");
        (await AuditDetailsAsync(id, AuditEventTypes.AccountUpdated)).ShouldBe(["by API key crm: profile, e-mail address"]);
    }

    [Theory]
    [InlineData("locked")]
    [InlineData("disabled")]
    public async Task Locking_or_disabling_rotates_the_stamp_and_voids_the_open_ticket(string status)
    {
        var (id, email) = await app.ProvisionAsync();
        var ticketId = await app.StartTicketAsync(email);
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, new { email, locale = "uk", status });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InternalApiApp.BodyAsync(response)).GetProperty("status").GetString().ShouldBe(status);
        (await AccountRows.ReadAsync(app, id)).SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_hash_replaces_the_password_rotates_the_stamp_and_voids_the_open_ticket()
    {
        var (id, email) = await app.ProvisionAsync();
        var ticketId = await app.StartTicketAsync(email);
        var before = await AccountRows.ReadAsync(app, id);
        var newHash = Isopoh.Cryptography.Argon2.Argon2.Hash("changed in the shop's own login", timeCost: 2, memoryCost: 19456, parallelism: 1,
            type: Isopoh.Cryptography.Argon2.Argon2Type.HybridAddressing);

        using var response = await PutAsync(id, new { email, locale = "uk", status = "active", passwordHash = newHash });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await AccountRows.ReadAsync(app, id);
        after.PasswordHash.ShouldBe(newHash);
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        after.PasswordChangedAt.ShouldBeGreaterThan(before.PasswordChangedAt);
        (await VerifyAsync(after.PasswordHash, "changed in the shop's own login")).ShouldBeTrue();
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_initial_password_for_an_existing_customer_is_refused_and_changes_nothing()
    {
        var (id, email) = await app.ProvisionAsync();
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, new { email, locale = "uk", status = "active", initialPassword = "another kettle of fish 99" });

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty("initialPassword", out _).ShouldBeTrue();
        (await AccountRows.ReadAsync(app, id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_new_customer_without_a_password_is_refused()
    {
        var id = Guid.CreateVersion7();

        using var response = await PutAsync(id, new { email = $"nopassword.{id:N}@example.com", locale = "en", status = "active" });

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("passwordHash", out _).ShouldBeTrue();
        (await app.Client(app.OpsKey).GetAsync(new Uri($"/internal/v1/users/{id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_initial_password_the_policy_refuses_is_password_rejected_with_violations()
    {
        var id = Guid.CreateVersion7();
        var email = $"weak.{id:N}@example.com";

        using var response = await PutAsync(id, new { email, locale = "en", status = "active", initialPassword = "password1234" });

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("password_rejected");
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ShouldContain("common_password");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("password1234");
    }

    [Fact]
    public async Task An_email_address_of_another_customer_in_any_case_is_409_email_taken()
    {
        var (_, taken) = await app.ProvisionAsync();
        var (id, _) = await app.ProvisionAsync();
        var before = await AccountRows.ReadAsync(app, id);

        using var response = await PutAsync(id, new { email = taken.ToUpperInvariant(), locale = "uk", status = "active" });
        using var created = await PutAsync(Guid.CreateVersion7(), new { email = taken, locale = "uk", status = "active", initialPassword = Password });

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("email_taken");
        (await ProblemDetailsTests.ShouldBeProblemAsync(created, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("email_taken");
        (await AccountRows.ReadAsync(app, id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_member_id_of_another_customer_is_409_member_id_taken()
    {
        var (other, _) = await app.ProvisionAsync();
        var id = Guid.CreateVersion7();

        using var response = await PutAsync(id, new
        {
            email = $"member.{id:N}@example.com",
            memberId = ("P" + other.ToString("N")[..20]).ToUpperInvariant(),
            locale = "en",
            status = "active",
            initialPassword = Password,
        });

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member_id_taken");
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { """{"email":"not an address","locale":"en","status":"active","initialPassword":"violet kettle drums at noon"}""", "email" },
        { """{"locale":"en","status":"active","initialPassword":"violet kettle drums at noon"}""", "email" },
        { """{"email":"a@example.com","locale":"de","status":"active","initialPassword":"violet kettle drums at noon"}""", "locale" },
        { """{"email":"a@example.com","status":"active","initialPassword":"violet kettle drums at noon"}""", "locale" },
        { """{"email":"a@example.com","locale":"en","status":"banned","initialPassword":"violet kettle drums at noon"}""", "status" },
        { """{"email":"a@example.com","locale":"en","initialPassword":"violet kettle drums at noon"}""", "status" },
        { """{"email":"a@example.com","locale":"en","status":"active","phone":"0441234567","initialPassword":"violet kettle drums at noon"}""", "phone" },
        { """{"email":"a@example.com","locale":"en","status":"active","memberId":"a b","initialPassword":"violet kettle drums at noon"}""", "memberId" },
        { """{"email":"a@example.com","locale":"en","status":"active","passwordHash":"$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"}""", "passwordHash" },
        { """{"email":"a@example.com","locale":"en","status":"active","initialPassword":"violet kettle drums at noon","passwordHash":"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM"}""", "initialPassword" },
        { """{"email":"a@example.com","locale":"en","status":"active","initialPassword":""}""", "initialPassword" },
    };

    [Theory]
    [InlineData(131072, 2, 1, "m=65536")]
    [InlineData(19456, 11, 1, "t=10")]
    [InlineData(19456, 2, 5, "p=4")]
    public async Task A_hash_costing_more_than_the_import_limits_is_refused_naming_the_field_and_the_limit(int memoryKiB, int iterations, int lanes, string limit)
    {
        var costly = $"$argon2id$v=19$m={memoryKiB},t={iterations},p={lanes}$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM";
        var id = Guid.CreateVersion7();

        using var response = await PutAsync(id, new { email = $"costly.{id:N}@example.com", locale = "en", status = "active", passwordHash = costly });

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").GetProperty("passwordHash")[0].GetString().ShouldNotBeNull().ShouldContain(limit);
        using var read = await app.Client(app.ReaderKey).GetAsync(new Uri($"/internal/v1/users/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_body_that_breaks_a_field_rule_is_400_validation_failed_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Client(app.CrmKey).PutAsync(new Uri($"/internal/v1/users/{Guid.CreateVersion7()}", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("violet kettle");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task An_id_that_is_not_a_uuid_is_a_validation_failure(string id)
    {
        using var response = await app.Client(app.CrmKey).PutAsJsonAsync($"/internal/v1/users/{id}",
            new { email = "a@example.com", locale = "en", status = "active", initialPassword = Password }, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("validation_failed");
    }

    [Fact]
    public async Task Reading_an_unknown_customer_is_404_user_not_found()
    {
        using var response = await app.Client(app.ReaderKey).GetAsync(new Uri($"/internal/v1/users/{Guid.CreateVersion7()}", UriKind.Relative), TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("user_not_found");
    }

    private async Task<HttpResponseMessage> PutAsync(Guid id, object body) =>
        await app.Client(app.CrmKey).PutAsJsonAsync($"/internal/v1/users/{id}", body, TestContext.Current.CancellationToken);

    private async Task<bool> VerifyAsync(string hash, string password)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IPasswordHasher>().VerifyAsync(hash, password, TestContext.Current.CancellationToken);
    }

    private async Task<List<string?>> AuditDetailsAsync(Guid userId, string type)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserId == userId && e.Type == type).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync(TestContext.Current.CancellationToken);
    }
}
