using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Availability;

public abstract class GetAvailabilityTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<GetAvailability.Month?> MonthAsync(int year, int month, GetAvailability.Subject? subject = null) =>
        _world.RunAsync<GetAvailability.Handler, GetAvailability.Month?>(h => h.MonthAsync(subject ?? new GetAvailability.Subject(_world.ServiceId), year, month, default));

    private Task<GetAvailability.Day?> DayAsync(DateOnly date, GetAvailability.Subject? subject = null) =>
        _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(h => h.DayAsync(subject ?? new GetAvailability.Subject(_world.ServiceId), date, default));

    [StorageFact]
    public async Task The_month_colours_days_from_real_free_slots()
    {
        await _world.InDbAsync(async db =>
        {
            // 2 December: the whole day blocked → 🔴. 3 December: 6 of 9 hours blocked → 🟡. 5 December closed → ⚫.
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 2, 9), CoreWorld.Moscow(12, 2, 18), null, null, CoreWorld.Now.UtcDateTime));
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 3, 9), CoreWorld.Moscow(12, 3, 15), null, null, CoreWorld.Now.UtcDateTime));
            db.SpecialDays.Add(SpecialDay.Closed(new DateOnly(2026, 12, 5)));
            await db.SaveChangesAsync();
        });

        var month = await MonthAsync(2026, 12);

        Assert.NotNull(month);
        Assert.Equal(DayLoad.Plenty, month.Days[new DateOnly(2026, 12, 1)]); // 8 of 8 remaining slots today
        Assert.Equal(DayLoad.Full, month.Days[new DateOnly(2026, 12, 2)]);
        Assert.Equal(DayLoad.Few, month.Days[new DateOnly(2026, 12, 3)]);
        Assert.Equal(DayLoad.Plenty, month.Days[new DateOnly(2026, 12, 4)]);
        Assert.Equal(DayLoad.Unavailable, month.Days[new DateOnly(2026, 12, 5)]);
        Assert.Equal(31, month.Days.Count);
        Assert.False(month.HasPrevious);
        Assert.True(month.HasNext);
    }

    [StorageFact]
    public async Task Past_days_are_unavailable_and_navigation_stops_at_the_horizon()
    {
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 15, 12)));
        var december = await MonthAsync(2026, 12);
        Assert.Equal(DayLoad.Unavailable, december!.Days[new DateOnly(2026, 12, 14)]);

        var last = await MonthAsync(2027, 3);
        Assert.True(last!.HasPrevious);
        Assert.False(last.HasNext);

        var clamped = await MonthAsync(2030, 1);
        Assert.Equal(new DateOnly(2027, 3, 1), clamped!.FirstDay);
        var before = await MonthAsync(2020, 1);
        Assert.Equal(new DateOnly(2026, 12, 1), before!.FirstDay);
    }

    [StorageFact]
    public async Task The_day_grid_marks_booked_slots_busy_and_hides_past_ones()
    {
        var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h =>
            h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 1, 12)), default));
        Assert.Equal(BookSlot.Outcome.Booked, booked.Outcome);

        var today = await DayAsync(new DateOnly(2026, 12, 1));

        Assert.NotNull(today);
        Assert.Equal(["10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00"], today.Slots.Select(s => s.LocalStart.ToString("HH:mm")));
        Assert.False(today.Slots.Single(s => s.LocalStart == new TimeOnly(12, 0)).IsFree);
        Assert.Equal(7, today.Slots.Count(s => s.IsFree));
    }

    [StorageFact]
    public async Task Rescheduling_sees_its_own_interval_as_free_and_keeps_its_own_duration()
    {
        var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h =>
            h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 12)), default));

        var asMove = await DayAsync(new DateOnly(2026, 12, 2), new GetAvailability.Subject(0, booked.Booking!.Id, 1));
        var asNew = await DayAsync(new DateOnly(2026, 12, 2));

        Assert.True(asMove!.Slots.Single(s => s.LocalStart == new TimeOnly(12, 0)).IsFree);
        Assert.False(asNew!.Slots.Single(s => s.LocalStart == new TimeOnly(12, 0)).IsFree);
        Assert.Null(await DayAsync(new DateOnly(2026, 12, 2), new GetAvailability.Subject(0, booked.Booking.Id, 2)));
    }

    [StorageFact]
    public async Task An_inactive_service_has_no_calendar()
    {
        await _world.InDbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Id == _world.ServiceId)).Deactivate();
            await db.SaveChangesAsync();
        });
        Assert.Null(await MonthAsync(2026, 12));
    }
}

public sealed class GetAvailabilityOnSqlite() : GetAvailabilityTests(Storage.Sqlite);

public sealed class GetAvailabilityOnPostgres() : GetAvailabilityTests(Storage.Postgres), IRunsOnPostgres;
