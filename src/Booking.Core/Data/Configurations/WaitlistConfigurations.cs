using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Booking.Core.Data.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> b)
    {
        b.Ignore(e => e.IsWaiting);

        // Forgetting a client (C11) deletes their row, and with it their waits and offers.
        b.HasOne(e => e.Client).WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Service).WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Offers).WithOne(o => o.Entry).HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Offers).HasField("_offers").UsePropertyAccessMode(PropertyAccessMode.Field);

        // One wait per client, service and day: the last word against a double tap on "join".
        b.HasIndex(e => new { e.ClientId, e.ServiceId, e.Date }).IsUnique().HasFilter("\"Status\" = 0");
        b.HasIndex(e => new { e.Status, e.DayStartUtc });
    }
}

internal sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    public void Configure(EntityTypeBuilder<WaitlistOffer> b)
    {
        b.Property(o => o.LastError).HasMaxLength(512);
        b.Ignore(o => o.IsOpen);
        b.HasIndex(o => new { o.Status, o.DueUtc });
    }
}
