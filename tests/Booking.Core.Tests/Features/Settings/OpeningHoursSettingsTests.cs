using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Settings;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Settings;

/// <summary>A5 on real SQLite: weekly hours, days off and special dates, each audited and seen by the calendar at once.</summary>
public abstract class OpeningHoursSettingsTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 42;
    private static readonly DateOnly Sunday = new(2026, 12, 6);
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<SetWorkingHours.Outcome> HoursAsync(SetWorkingHours.Request r) =>
        _world.RunAsync<SetWorkingHours.Handler, SetWorkingHours.Outcome>(h => h.HandleAsync(r, default));

    private Task<SetSpecialDay.Result> SpecialAsync(DateOnly date, TimeOnly? opens = null, TimeOnly? closes = null, string? note = null) =>
        _world.RunAsync<SetSpecialDay.Handler, SetSpecialDay.Result>(h => h.HandleAsync(new SetSpecialDay.Request(AdminId, date, opens, closes, note), default));

    private Task<IReadOnlyDictionary<DateOnly, DayLoad>> DecemberAsync() =>
        _world.RunAsync<GetAvailability.Handler, IReadOnlyDictionary<DateOnly, DayLoad>>(
            async h => (await h.MonthAsync(new GetAvailability.Subject(_world.ServiceId), 2026, 12, default))!.Days);

    private Task<List<string>> AuditAsync() =>
        _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action + " " + a.Target + " " + a.Before + " → " + a.After).ToListAsync());

    [StorageFact]
    public async Task Closing_a_weekday_makes_every_such_day_unavailable_and_is_audited()
    {
        Assert.Equal(SetWorkingHours.Outcome.Changed, await HoursAsync(SetWorkingHours.Request.DayOff(AdminId, DayOfWeek.Sunday)));

        var december = await DecemberAsync();
        Assert.All(new[] { 6, 13, 20, 27 }, d => Assert.Equal(DayLoad.Unavailable, december[new DateOnly(2026, 12, d)]));
        Assert.Equal(DayLoad.Plenty, december[new DateOnly(2026, 12, 7)]);
        Assert.Equal(["working_day.close weekday:Sunday \"09:00-18:00\" → \"closed\""], await AuditAsync());
    }

    [StorageFact]
    public async Task Hours_that_close_before_they_open_are_refused_and_nothing_changes()
    {
        var outcome = await HoursAsync(SetWorkingHours.Request.Open(AdminId, DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(9, 0)));
        var same = await HoursAsync(SetWorkingHours.Request.Open(AdminId, DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(10, 0)));
        var half = await HoursAsync(new SetWorkingHours.Request(AdminId, DayOfWeek.Monday, new TimeOnly(10, 0), null));

        Assert.Equal([SetWorkingHours.Outcome.Invalid, SetWorkingHours.Outcome.Invalid, SetWorkingHours.Outcome.Invalid], [outcome, same, half]);
        Assert.Empty(await AuditAsync());
        var monday = await _world.InDbAsync(db => db.WorkingDays.SingleAsync(d => d.Weekday == DayOfWeek.Monday));
        Assert.Equal((true, new TimeOnly(9, 0), new TimeOnly(18, 0)), (monday.IsOpen, monday.Opens, monday.Closes));
    }

    [StorageFact]
    public async Task New_hours_reopen_a_day_off_and_shape_its_slots()
    {
        await HoursAsync(SetWorkingHours.Request.DayOff(AdminId, DayOfWeek.Sunday));
        var outcome = await HoursAsync(SetWorkingHours.Request.Open(AdminId, DayOfWeek.Sunday, new TimeOnly(12, 0), new TimeOnly(15, 0)));

        Assert.Equal(SetWorkingHours.Outcome.Changed, outcome);
        var day = await _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(h => h.DayAsync(new GetAvailability.Subject(_world.ServiceId), Sunday, default));
        Assert.Equal([new TimeOnly(12, 0), new TimeOnly(13, 0), new TimeOnly(14, 0)], day!.Slots.Select(s => s.LocalStart));
        Assert.Equal(SetWorkingHours.Outcome.Unchanged, await HoursAsync(SetWorkingHours.Request.Open(AdminId, DayOfWeek.Sunday, new TimeOnly(12, 0), new TimeOnly(15, 0))));
        Assert.Equal(2, (await AuditAsync()).Count);
    }

    [StorageFact]
    public async Task A_holiday_closes_its_date_only_and_is_audited()
    {
        var result = await SpecialAsync(new DateOnly(2026, 12, 31), note: "Новый год");

        Assert.Equal(SetSpecialDay.Outcome.Saved, result.Outcome);
        var december = await DecemberAsync();
        Assert.Equal(DayLoad.Unavailable, december[new DateOnly(2026, 12, 31)]);
        Assert.Equal(DayLoad.Plenty, december[new DateOnly(2026, 12, 30)]);
        Assert.Equal(["special_day.set date:2026-12-31  → {\"hours\":\"closed\",\"note\":\"Новый год\"}"], await AuditAsync());
    }

    [StorageFact]
    public async Task Special_hours_replace_a_holiday_on_the_same_date_and_removing_them_restores_the_week()
    {
        var date = new DateOnly(2026, 12, 30);
        await SpecialAsync(date);
        await SpecialAsync(date, new TimeOnly(10, 0), new TimeOnly(12, 0));

        var day = await _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(h => h.DayAsync(new GetAvailability.Subject(_world.ServiceId), date, default));
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(11, 0)], day!.Slots.Select(s => s.LocalStart));
        Assert.Equal(1, await _world.InDbAsync(db => db.SpecialDays.CountAsync()));

        var removed = await _world.RunAsync<RemoveSpecialDay.Handler, RemoveSpecialDay.Outcome>(h => h.HandleAsync(AdminId, date, default));
        var again = await _world.RunAsync<RemoveSpecialDay.Handler, RemoveSpecialDay.Outcome>(h => h.HandleAsync(AdminId, date, default));

        Assert.Equal((RemoveSpecialDay.Outcome.Removed, RemoveSpecialDay.Outcome.NotFound), (removed, again));
        Assert.Equal(DayLoad.Plenty, (await DecemberAsync())[date]);
        Assert.Equal(["special_day.set", "special_day.set", "special_day.remove"], (await AuditAsync()).Select(a => a.Split(' ')[0]));
    }

    [StorageFact]
    public async Task Past_dates_inverted_hours_and_long_notes_are_refused()
    {
        Assert.Equal(SetSpecialDay.Outcome.InPast, (await SpecialAsync(new DateOnly(2026, 11, 30))).Outcome);
        Assert.Equal(SetSpecialDay.Outcome.Invalid, (await SpecialAsync(new DateOnly(2026, 12, 30), new TimeOnly(12, 0), new TimeOnly(10, 0))).Outcome);
        Assert.Equal(SetSpecialDay.Outcome.Invalid, (await SpecialAsync(new DateOnly(2026, 12, 30), new TimeOnly(12, 0))).Outcome);
        Assert.Equal(SetSpecialDay.Outcome.Invalid, (await SpecialAsync(new DateOnly(2026, 12, 30), note: new string('x', 257))).Outcome);
        Assert.Equal(SetSpecialDay.Outcome.Saved, (await SpecialAsync(new DateOnly(2026, 12, 1))).Outcome); // today is not the past

        Assert.Single(await AuditAsync());
    }

    [StorageFact]
    public async Task Closing_a_date_with_bookings_keeps_them_and_says_how_many_there_are()
    {
        var start = CoreWorld.Moscow(12, 10, 11);
        var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, start), default));
        Assert.NotNull(booked.Booking);

        var result = await SpecialAsync(new DateOnly(2026, 12, 10));

        Assert.Equal(1, result.BookingsThatDay);
        Assert.Equal(BookingStatus.Confirmed, await _world.InDbAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }
}

public sealed class OpeningHoursSettingsOnSqlite() : OpeningHoursSettingsTests(Storage.Sqlite);

public sealed class OpeningHoursSettingsOnPostgres() : OpeningHoursSettingsTests(Storage.Postgres), IRunsOnPostgres;
