using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Booking.Core.Data.Configurations;

internal sealed class TextOverrideConfiguration : IEntityTypeConfiguration<TextOverride>
{
    public void Configure(EntityTypeBuilder<TextOverride> b)
    {
        b.Property(o => o.Key).HasMaxLength(128);
        b.Property(o => o.Language).HasMaxLength(8);
        b.Property(o => o.Text).HasMaxLength(TextOverride.MaxLength);
        b.HasIndex(o => new { o.Key, o.Language }).IsUnique();
    }
}
