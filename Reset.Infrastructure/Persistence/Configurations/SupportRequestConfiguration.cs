using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reset.Domain.Logins;
using Reset.Domain.Support;

namespace Reset.Infrastructure.Persistence.Configurations;

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("support_requests", t => t.HasCheckConstraint(
            "ck_support_requests_status", "status IN ('open', 'resolved')"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(16).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.TicketId).HasMaxLength(64);
        builder.Property(r => r.ContactEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(SupportRequest.MaxMessageLength).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(16).HasConversion(
            status => status.ToString().ToLowerInvariant(),
            text => Enum.Parse<SupportRequestStatus>(text, ignoreCase: true));
        builder.Property(r => r.ResolvedBy).HasMaxLength(64);
        builder.Property(r => r.ResolutionNote).HasMaxLength(SupportRequest.MaxMessageLength);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });

        // xmin as an optimistic concurrency token: two agents resolving one request cannot both commit.
        builder.Property<uint>("Version").IsRowVersion();
        // No foreign key to users: its check ran for a customer's request only (a decoy's has no user),
        // some 0.7 ms that timed support requests apart. Accounts are never deleted, so it guarded nothing.
        builder.HasIndex(r => r.UserId);
    }
}
