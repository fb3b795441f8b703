using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Logins;
using Reset.Domain.Tickets;
using Reset.Infrastructure.RateLimiting;
using Reset.Infrastructure.Redis;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>A decoy's codes never verify, even the one the store holds for it (against real Redis).</summary>
public sealed class DecoyStoreTests(ResetApp app) : IClassFixture<ResetApp>
{
    [Fact]
    public async Task A_decoy_ticket_never_verifies_even_its_own_code()
    {
        var store = app.Services.GetRequiredService<ResetTicketStore>();
        var rules = new ResetRules();
        var now = DateTimeOffset.UtcNow;
        LoginIdentifier.TryParse($"nobody.{Guid.NewGuid():N}@example.com", out var login).ShouldBeTrue();
        var decoy = ResetTicket.Start(TicketId.New(), login, null, now, rules);
        await store.CreateAsync(decoy);
        VerificationCode.TryParse("123456", out var code).ShouldBeTrue();
        (await store.RequestCodeAsync(decoy, now, rules)).Decision.ShouldBe(CodeRequestDecision.Allowed);
        (await store.IssueCodeAsync(decoy, code, now, rules, new RateLimit { Limit = 6, Window = TimeSpan.FromHours(1) })).IsNew.ShouldBeTrue();

        var result = await store.CheckCodeAsync(decoy, code, now, rules);

        result.Outcome.ShouldBe(CodeCheckOutcome.Wrong);
        result.Token.ShouldBeNull();
    }
}
