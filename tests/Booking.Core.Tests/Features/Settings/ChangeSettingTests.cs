using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Settings;

/// <summary>A5 on real SQLite: every rule of every setting, the audit trail, and that availability follows at once.</summary>
public abstract class ChangeSettingTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 42;
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ChangeSetting.Result> ChangeAsync(SettingField field, string? text) =>
        _world.RunAsync<ChangeSetting.Handler, ChangeSetting.Result>(h => h.HandleAsync(new ChangeSetting.Request(AdminId, field, text), default));

    private Task<BusinessSettings> SettingsAsync() => _world.InDbAsync(db => db.Settings.AsNoTracking().SingleAsync());

    private Task<int> AuditCountAsync() => _world.InDbAsync(db => db.AuditEntries.CountAsync());

    [StorageTheory]
    [InlineData(SettingField.SlotInterval, "45")]
    [InlineData(SettingField.SlotInterval, "0")]
    [InlineData(SettingField.SlotInterval, "тридцать")]
    [InlineData(SettingField.MinNotice, "-1")]
    [InlineData(SettingField.MinNotice, "1441")]
    [InlineData(SettingField.MinNotice, "1.5")]
    [InlineData(SettingField.Horizon, "0")]
    [InlineData(SettingField.Horizon, "13")]
    [InlineData(SettingField.CancellationWindow, "169")]
    [InlineData(SettingField.CancellationWindow, "")]
    [InlineData(SettingField.BookingLimit, "0")]
    [InlineData(SettingField.BookingLimit, "21")]
    [InlineData(SettingField.ReminderOffsets, "4")]
    [InlineData(SettingField.ReminderOffsets, "10081")]
    [InlineData(SettingField.ReminderOffsets, "60,60")]
    [InlineData(SettingField.ReminderOffsets, "1440,,60")]
    [InlineData(SettingField.ReminderOffsets, "10,20,30,40,50,60")]
    [InlineData(SettingField.ReminderOffsets, "1440;60")]
    [InlineData(SettingField.ReviewDelay, "10081")]
    [InlineData(SettingField.ReviewDelay, "99999999999")]
    [InlineData(SettingField.TimeZone, "Mars/Olympus_Mons")]
    [InlineData(SettingField.TimeZone, "../../etc/passwd")]
    [InlineData(SettingField.TimeZone, "")]
    [InlineData(SettingField.Address, "")]
    [InlineData(SettingField.SlotInterval, null)]
    [InlineData(SettingField.ReminderOffsets, null)]
    [InlineData(SettingField.PhoneRequest, null)]
    [InlineData(SettingField.PhoneRequest, "3")]
    [InlineData(SettingField.PhoneRequest, "maybe")]
    [InlineData(SettingField.PhoneRequest, "Off,")]
    public async Task Out_of_range_or_unreadable_values_are_refused_and_nothing_is_written(SettingField field, string? text)
    {
        var before = await SettingsAsync();

        var result = await ChangeAsync(field, text);

        Assert.Equal(ChangeSetting.Outcome.Invalid, result.Outcome);
        Assert.Equal(0, await AuditCountAsync());
        Assert.Equal(ChangeSetting.Read(before, field), ChangeSetting.Read(await SettingsAsync(), field));
    }

    [StorageFact]
    public async Task An_address_longer_than_512_characters_is_refused_and_512_are_accepted()
    {
        Assert.Equal(ChangeSetting.Outcome.Invalid, (await ChangeAsync(SettingField.Address, new string('а', 513))).Outcome);
        Assert.Equal(ChangeSetting.Outcome.Changed, (await ChangeAsync(SettingField.Address, new string('а', 512))).Outcome);
    }

    [StorageTheory]
    [InlineData(SettingField.SlotInterval, "15", 15)]
    [InlineData(SettingField.MinNotice, "0", 0)]
    [InlineData(SettingField.MinNotice, "1440", 1440)]
    [InlineData(SettingField.Horizon, "1", 1)]
    [InlineData(SettingField.Horizon, "12", 12)]
    [InlineData(SettingField.CancellationWindow, "0", 0)]
    [InlineData(SettingField.CancellationWindow, "168", 168)]
    [InlineData(SettingField.BookingLimit, " 20 ", 20)]
    [InlineData(SettingField.ReviewDelay, "10080", 10080)]
    public async Task Values_at_the_edges_of_their_ranges_are_accepted(SettingField field, string text, int expected)
    {
        var result = await ChangeAsync(field, text);

        Assert.Equal(ChangeSetting.Outcome.Changed, result.Outcome);
        Assert.Equal(expected, ChangeSetting.Read(await SettingsAsync(), field));
    }

    [StorageFact]
    public async Task A_change_is_audited_with_the_value_before_and_after()
    {
        await ChangeAsync(SettingField.SlotInterval, "30");

        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AdminId, "settings.slot_interval", "settings"), (entry.ActorId, entry.Action, entry.Target));
        Assert.Equal("{\"slot_interval\":60}", entry.Before);
        Assert.Equal("{\"slot_interval\":30}", entry.After);
    }

    [StorageFact]
    public async Task Setting_the_value_already_in_force_writes_nothing()
    {
        var result = await ChangeAsync(SettingField.Horizon, "3");

        Assert.Equal(ChangeSetting.Outcome.Unchanged, result.Outcome);
        Assert.Equal(0, await AuditCountAsync());
    }

    [StorageFact]
    public async Task Reminder_offsets_are_stored_largest_first_and_a_dash_turns_reminders_off()
    {
        Assert.Equal(ChangeSetting.Outcome.Changed, (await ChangeAsync(SettingField.ReminderOffsets, "30, 2880 ,5")).Outcome);
        Assert.Equal("2880,30,5", (await SettingsAsync()).ReminderOffsetsMinutes);
        Assert.Equal([2880, 30, 5], NotificationPlan.ParseOffsets((await SettingsAsync()).ReminderOffsetsMinutes));

        Assert.Equal(ChangeSetting.Outcome.Changed, (await ChangeAsync(SettingField.ReminderOffsets, "-")).Outcome);
        Assert.Empty(NotificationPlan.ParseOffsets((await SettingsAsync()).ReminderOffsetsMinutes));
    }

    [StorageFact]
    public async Task A_time_zone_is_checked_against_the_zone_database_and_can_be_reset_to_the_start_up_one()
    {
        Assert.Equal(ChangeSetting.Outcome.Changed, (await ChangeAsync(SettingField.TimeZone, "Europe/Berlin")).Outcome);
        var zone = await _world.RunAsync<ScheduleReader, TimeZoneInfo>(r => r.ZoneAsync(default));
        Assert.Equal("Europe/Berlin", zone.Id);

        var reset = await ChangeAsync(SettingField.TimeZone, null);

        Assert.Equal(ChangeSetting.Outcome.Changed, reset.Outcome);
        Assert.Null((await SettingsAsync()).TimeZoneId);
        var entry = await _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).LastAsync());
        Assert.Equal(("{\"time_zone\":\"Europe/Berlin\"}", "{\"time_zone\":null}"), (entry.Before, entry.After));
    }

    [StorageFact]
    public async Task A_dash_clears_the_address()
    {
        await ChangeAsync(SettingField.Address, "  Тверская, 1  ");
        Assert.Equal("Тверская, 1", (await SettingsAsync()).Address);

        await ChangeAsync(SettingField.Address, "-");

        Assert.Null((await SettingsAsync()).Address);
    }

    [StorageFact]
    public async Task A_new_slot_interval_shapes_the_very_next_day_grid()
    {
        await ChangeAsync(SettingField.SlotInterval, "30");

        var day = await _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(
            h => h.DayAsync(new GetAvailability.Subject(_world.ServiceId), new DateOnly(2026, 12, 2), default));

        Assert.Contains(day!.Slots, s => s.LocalStart == new TimeOnly(9, 30));
        Assert.Equal(17, day.Slots.Count); // 09:00 … 17:00 every half hour
    }

    [StorageTheory]
    [InlineData("optional", PhoneRequest.Optional)]
    [InlineData(" REQUIRED ", PhoneRequest.Required)]
    [InlineData("2", PhoneRequest.Required)]
    public async Task The_phone_request_is_set_by_name_or_number_and_audited_by_name(string text, PhoneRequest expected)
    {
        var result = await ChangeAsync(SettingField.PhoneRequest, text);

        Assert.Equal((ChangeSetting.Outcome.Changed, PhoneRequest.Off, expected), (result.Outcome, result.Before, result.After));
        Assert.Equal(expected, (await SettingsAsync()).PhoneRequest);
        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("settings.phone_request", "{\"phone_request\":\"off\"}"), (entry.Action, entry.Before));
        Assert.Equal(ChangeSetting.Outcome.Unchanged, (await ChangeAsync(SettingField.PhoneRequest, text)).Outcome);
    }
}

public sealed class ChangeSettingOnSqlite() : ChangeSettingTests(Storage.Sqlite);

public sealed class ChangeSettingOnPostgres() : ChangeSettingTests(Storage.Postgres), IRunsOnPostgres;
