using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Booking.Core.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.AdminId);
        b.Property(f => f.AdminId).ValueGeneratedNever();
        b.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.HashLength);
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}
