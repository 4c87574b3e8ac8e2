using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Booking.Core.Data.Configurations;

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.Property(x => x.Text).HasMaxLength(Broadcast.MaxTextLength);
        b.HasIndex(x => x.Status);
        b.HasMany<BroadcastRecipient>().WithOne().HasForeignKey(r => r.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BroadcastRecipientConfiguration : IEntityTypeConfiguration<BroadcastRecipient>
{
    public void Configure(EntityTypeBuilder<BroadcastRecipient> b)
    {
        b.Property(r => r.LastError).HasMaxLength(512);
        b.HasIndex(r => new { r.BroadcastId, r.ClientId }).IsUnique();
        b.HasIndex(r => new { r.Status, r.LeaseUntilUtc });
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
