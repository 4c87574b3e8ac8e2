using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Booking.Core.Features.Waitlist;

/// <summary>
/// X4: run by <see cref="BookingDb"/> before every save. Time freed by the pending changes — a booking cancelled, moved
/// or shortened, a block removed or shortened, opening hours or a special day changed, the slot step or the notice
/// changed, a service made shorter or given another step — queues an offer for everyone waiting on that day (or for
/// that service); a booking made or moved onto a day ends its client's wait for that service there. Whether the
/// freed time really fits a waiting client's service is decided when the offer is sent (ADR 0024).
/// </summary>
internal static class WaitlistTriggers
{
    /// <param name="Except">The client whose own booking freed the time: they are not offered it back.</param>
    private sealed record Freed(Interval Utc, long? Except);

    private sealed record Booked(long ClientId, int ServiceId, DateTime StartUtc);

    public static async Task ApplyAsync(BookingDb db, DateTime nowUtc, CancellationToken ct)
    {
        var freed = new List<Freed>();
        var booked = new List<Booked>();
        var weekdays = new HashSet<DayOfWeek>();
        var dates = new HashSet<DateOnly>();
        var everyDay = false;
        var services = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Domain.Booking b:
                    Collect(entry, b, freed, booked);
                    break;
                case Block block when entry.State is EntityState.Deleted or EntityState.Modified:
                    freed.Add(new Freed(Original(entry, block.StartUtc, block.EndUtc), null));
                    break;
                case WorkingDay day when entry.State is EntityState.Added or EntityState.Modified:
                    weekdays.Add(day.Weekday);
                    break;
                case SpecialDay special when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    dates.Add(special.Date);
                    break;

                // New start times may appear on any day: a finer step, or a shorter notice for today.
                case BusinessSettings when Changed(entry, nameof(BusinessSettings.SlotIntervalMinutes), nameof(BusinessSettings.MinNoticeMinutes)):
                    everyDay = true;
                    break;
                case Service service when Changed(entry, nameof(Service.DurationMinutes), nameof(Service.SlotIntervalMinutes)):
                    services.Add(service.Id);
                    break;
            }
        }

        // Hours, days or rules: each may touch any day, unlike a booking or a block, which touch their own time.
        var rulesChanged = weekdays.Count > 0 || dates.Count > 0 || everyDay || services.Count > 0;
        if (freed.Count == 0 && booked.Count == 0 && !rulesChanged)
        {
            return;
        }

        var query = db.WaitlistEntries.WithOpenOffers().Where(e => e.Status == WaitStatus.Waiting && e.DayEndUtc > nowUtc);
        if (!rulesChanged)
        {
            // Only bookings and blocks changed (every booking made comes here): just the waits on days they touch.
            var (from, to) = Span(freed, booked);
            query = query.Where(e => e.DayEndUtc > from && e.DayStartUtc < to);
        }

        var waiting = await query.ToListAsync(ct);
        foreach (var wait in waiting)
        {
            var day = new Interval(wait.DayStartUtc, wait.DayEndUtc);
            if (booked.Any(b => b.ClientId == wait.ClientId && b.ServiceId == wait.ServiceId && b.StartUtc >= day.StartUtc && b.StartUtc < day.EndUtc))
            {
                wait.Close(WaitStatus.Booked, nowUtc);
            }
            else if (freed.Any(f => f.Except != wait.ClientId && f.Utc.EndUtc > nowUtc && f.Utc.Overlaps(day))
                || weekdays.Contains(wait.Date.DayOfWeek) || dates.Contains(wait.Date) || everyDay || services.Contains(wait.ServiceId))
            {
                wait.Wake(nowUtc);
            }
        }
    }

    private static void Collect(EntityEntry entry, Domain.Booking b, List<Freed> freed, List<Booked> booked)
    {
        // A booking held for its deposit occupies its time as a confirmed one does (X3), so giving it up frees it too.
        var wasHeld = entry.State is EntityState.Modified or EntityState.Deleted
            && entry.Property(nameof(Domain.Booking.Status)).OriginalValue is BookingStatus.Confirmed or BookingStatus.AwaitingPayment;
        if (entry.State == EntityState.Added && b.IsActive)
        {
            booked.Add(new Booked(b.ClientId, b.ServiceId, b.StartUtc));
            return;
        }

        if (!wasHeld)
        {
            return;
        }

        // A visit marked completed or missed happened in its time; only a cancellation, a deletion or a move frees it.
        var before = Original(entry, b.StartUtc, b.EndUtc);
        var stillHeld = entry.State == EntityState.Modified && b.HoldsSlot;
        var released = entry.State == EntityState.Deleted || b.Status is BookingStatus.Cancelled or BookingStatus.Expired;
        if (released || (stillHeld && before != new Interval(b.StartUtc, b.EndUtc)))
        {
            freed.Add(new Freed(before, b.ClientId));
        }

        if (stillHeld && before.StartUtc != b.StartUtc)
        {
            booked.Add(new Booked(b.ClientId, b.ServiceId, b.StartUtc));
        }
    }

    /// <summary>Whether a modified entity's save changes any of these properties (an offer is checked again when sent, so
    /// any change wakes: a coarser step simply finds nothing new).</summary>
    private static bool Changed(EntityEntry entry, params string[] properties) =>
        entry.State == EntityState.Modified && properties.Any(p => entry.Property(p).IsModified && !Equals(entry.Property(p).OriginalValue, entry.Property(p).CurrentValue));

    /// <summary>From the earliest to the latest instant the changes touch; a booking made counts as its first tick.</summary>
    private static (DateTime From, DateTime To) Span(List<Freed> freed, List<Booked> booked)
    {
        var from = DateTime.MaxValue;
        var to = DateTime.MinValue;
        foreach (var f in freed)
        {
            from = f.Utc.StartUtc < from ? f.Utc.StartUtc : from;
            to = f.Utc.EndUtc > to ? f.Utc.EndUtc : to;
        }

        foreach (var b in booked)
        {
            from = b.StartUtc < from ? b.StartUtc : from;
            to = b.StartUtc.AddTicks(1) > to ? b.StartUtc.AddTicks(1) : to;
        }

        return (from, to);
    }

    private static Interval Original(EntityEntry entry, DateTime startUtc, DateTime endUtc) => entry.State == EntityState.Added
        ? new Interval(startUtc, endUtc)
        : new Interval((DateTime)entry.Property("StartUtc").OriginalValue!, (DateTime)entry.Property("EndUtc").OriginalValue!);
}
