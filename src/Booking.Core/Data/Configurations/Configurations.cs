using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Booking.Core.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.FirstName).HasMaxLength(256);
        b.Property(c => c.LastName).HasMaxLength(256);
        b.Property(c => c.Username).HasMaxLength(64);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Phone).HasMaxLength(32);
        b.Ignore(c => c.DisplayName);
        b.Ignore(c => c.IsErased);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Name).HasMaxLength(128);
        b.Property(s => s.Description).HasMaxLength(1024);
        b.Property(s => s.Currency).HasMaxLength(8);
        b.Ignore(s => s.IsBookable);
    }
}

internal sealed class WorkingDayConfiguration : IEntityTypeConfiguration<WorkingDay>
{
    public void Configure(EntityTypeBuilder<WorkingDay> b)
    {
        b.HasKey(d => d.Weekday);
        b.Property(d => d.Weekday).ValueGeneratedNever();
    }
}

internal sealed class SpecialDayConfiguration : IEntityTypeConfiguration<SpecialDay>
{
    public void Configure(EntityTypeBuilder<SpecialDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Note).HasMaxLength(256);
    }
}

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> b)
    {
        b.Property(x => x.Reason).HasMaxLength(256);
        b.HasIndex(x => new { x.StartUtc, x.EndUtc });
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Domain.Booking>
{
    public void Configure(EntityTypeBuilder<Domain.Booking> b)
    {
        b.Property(x => x.Currency).HasMaxLength(8);
        b.Property(x => x.CancelReason).HasMaxLength(256);
        b.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.History).WithOne().HasForeignKey(h => h.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Notifications).WithOne(n => n.Booking).HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Notifications).HasField("_notifications").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.Interval);
        b.Ignore(x => x.HoldsSlot);
        b.Ignore(x => x.IsAwaitingPayment);
        b.Property(x => x.PaymentChargeId).HasMaxLength(256);
        b.Property(x => x.ProviderChargeId).HasMaxLength(256);

        // X3: a successful_payment delivered twice (or by two instances) is recorded once.
        b.HasIndex(x => x.PaymentChargeId).IsUnique();
        b.HasIndex(x => new { x.Status, x.StartUtc });
        b.HasIndex(x => new { x.ClientId, x.Status, x.StartUtc });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.LastError).HasMaxLength(512);
        b.Ignore(n => n.IsOpen);
        b.HasIndex(n => new { n.Status, n.DueUtc });

        b.HasIndex(n => new { n.BookingId, n.Kind, n.OffsetMinutes, n.Status });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.Comment).HasMaxLength(Review.MaxCommentLength);
        b.Ignore(r => r.IsLow);
        b.HasIndex(r => r.BookingId).IsUnique();
        b.HasOne<Domain.Booking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveKeyboardConfiguration : IEntityTypeConfiguration<LiveKeyboard>
{
    public void Configure(EntityTypeBuilder<LiveKeyboard> b)
    {
        b.HasKey(k => new { k.ChatId, k.MessageId });
        b.HasIndex(k => k.SentUtc);
    }
}

internal sealed class AdminConfiguration : IEntityTypeConfiguration<Admin>
{
    public void Configure(EntityTypeBuilder<Admin> b)
    {
        b.HasKey(a => a.UserId);
        b.Property(a => a.UserId).ValueGeneratedNever();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(128);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ActorId, a.AtUtc });
    }
}

internal sealed class BookingHistoryConfiguration : IEntityTypeConfiguration<BookingHistoryEntry>
{
    public void Configure(EntityTypeBuilder<BookingHistoryEntry> b)
    {
        b.ToTable("BookingHistory");
        b.Property(h => h.Reason).HasMaxLength(256);
    }
}

internal sealed class SettingsConfiguration : IEntityTypeConfiguration<BusinessSettings>
{
    public void Configure(EntityTypeBuilder<BusinessSettings> b)
    {
        b.ToTable("Settings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TimeZoneId).HasMaxLength(64);
        b.Property(s => s.Address).HasMaxLength(512);
        b.Property(s => s.ReminderOffsetsMinutes).HasMaxLength(64);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> b)
    {
        b.HasKey(c => c.ChatId);
        b.Property(c => c.ChatId).ValueGeneratedNever();
        b.Property(c => c.Flow).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresUtc);
    }
}

internal sealed class ProcessedUpdateConfiguration : IEntityTypeConfiguration<ProcessedUpdate>
{
    public void Configure(EntityTypeBuilder<ProcessedUpdate> b)
    {
        b.HasKey(p => p.UpdateId);
        b.Property(p => p.UpdateId).ValueGeneratedNever();
        b.HasIndex(p => p.ProcessedUtc);
    }
}
