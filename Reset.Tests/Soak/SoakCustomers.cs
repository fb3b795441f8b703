using Microsoft.Extensions.DependencyInjection;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Soak;

/// <summary>
/// Registers the soak's customers, as the shop does, straight in the service's database. They share
/// one old password hashed once: hashing one per customer would spend the CPU the journeys need.
/// </summary>
internal sealed class SoakCustomers(ResetApp app, string oldPasswordHash)
{
    public const string OldPassword = "Old-password-of-the-soak";

    public string OldPasswordHash { get; } = oldPasswordHash;

    /// <summary>A new customer; retried while PostgreSQL is away (the chaos stops it), until the cancellation.</summary>
    public async Task<Customer> CreateAsync(CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        while (true)
        {
            try
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
                var account = UserAccount.Register(Guid.CreateVersion7(), EmailAddress.Parse($"soak.{suffix}@example.com"),
                    MemberId.Parse("s" + suffix), OldPasswordHash, DateTimeOffset.UtcNow);
                db.Users.Add(account);
                await db.SaveChangesAsync(cancellationToken);
                return new Customer($"soak.{suffix}@example.com", "s" + suffix, OldPassword) { Id = account.Id };
            }
            catch (Exception exception) when (Reset.Infrastructure.DependencyFailures.IsDependencyFailure(exception))
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
