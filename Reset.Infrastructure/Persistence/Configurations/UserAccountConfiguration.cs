using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;

namespace Reset.Infrastructure.Persistence.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users", t => t.HasCheckConstraint(
            "ck_users_status", "status IN ('active', 'locked', 'disabled')"));
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasColumnType("citext").HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.MemberId).HasColumnType("citext").HasMaxLength(MemberId.MaxLength);
        builder.HasIndex(u => u.MemberId).IsUnique();
        builder.Property(u => u.Phone).HasMaxLength(32);
        builder.Property(u => u.PasswordHash).HasMaxLength(256).IsRequired();
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Status).HasMaxLength(16).HasConversion(
            status => status.ToString().ToLowerInvariant(),
            text => Enum.Parse<AccountStatus>(text, ignoreCase: true));
        builder.Property(u => u.PreferredLocale).HasMaxLength(16).IsRequired();

        // PostgreSQL's xmin as an optimistic concurrency token: two password changes racing on one
        // account cannot both commit.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
