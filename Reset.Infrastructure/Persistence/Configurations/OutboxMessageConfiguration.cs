using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reset.Infrastructure.Email;

namespace Reset.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Recipient).HasMaxLength(320).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(256).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(512);

        // The dispatcher's queue: only messages neither sent nor dropped, in the order they are due.
        builder.HasIndex(m => m.NextAttemptAt)
            .HasDatabaseName("ix_outbox_messages_pending")
            .HasFilter("sent_at IS NULL AND dropped_at IS NULL");
    }
}
