using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Infrastructure.Hashing;
using Reset.Infrastructure.Persistence;

namespace Reset.Tests.Fixtures;

/// <summary>
/// Rows written and read straight in a database, for tests whose service runs as a process of its own
/// (<see cref="ServiceProcess"/>), where there is no in-process container to ask.
/// </summary>
internal static class StoredRows
{
    /// <summary>A new active customer with a unique e-mail and member ID, stored as provisioning would store it.</summary>
    public static async Task<Customer> CreateCustomerAsync(string postgres, string prefix = "customer")
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var customer = new Customer($"{prefix}.{suffix}@example.com", "m" + suffix, "Old-password-" + suffix);
        using var hasher = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions()));
        await using var db = ResetDbContext.ForMaintenance(postgres);
        var account = UserAccount.Register(Guid.CreateVersion7(), EmailAddress.Parse(customer.Email), MemberId.Parse(customer.MemberId),
            await hasher.HashAsync(customer.Password), DateTimeOffset.UtcNow);
        db.Users.Add(account);
        await db.SaveChangesAsync();
        return customer with { Id = account.Id };
    }

    /// <summary>Every outbox message sent or dropped: a claimed one looks not due yet, so due-ness would not do.</summary>
    public static async Task<bool> OutboxSettledAsync(string postgres)
    {
        await using var db = ResetDbContext.ForMaintenance(postgres);
        return !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.DroppedAt == null);
    }
}
