using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Blocks;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Editor;
using Booking.Core.Features.Services;
using Booking.Core.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Tests.Features.Settings;

/// <summary>
/// Admin edits that change what a booking may be (hours, special days, rules, services, blocks) are serialised with
/// booking decisions through the same gate. Otherwise, on PostgreSQL, a booking that read "open" could commit after a
/// concurrent transaction closed those hours, and land in closed time.
/// </summary>
public abstract class AdminEditsAtTheGateTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 1;
    private static readonly DateOnly Friday = new(2026, 12, 4);

    private CoreWorld _world = null!;
    private int _blockId;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(7);
        _blockId = await _world.InDbAsync(async db =>
        {
            var block = new Block(CoreWorld.Moscow(12, 8, 9), CoreWorld.Moscow(12, 8, 12), null, AdminId, CoreWorld.Now.UtcDateTime);
            db.Blocks.Add(block);
            await db.SaveChangesAsync();
            return block.Id;
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    public static TheoryData<string> Edits => ["hours", "special day", "special day removed", "setting", "editor setting", "service", "unblock"];

    [StorageTheory]
    [MemberData(nameof(Edits))]
    public async Task An_admin_edit_waits_while_a_booking_decision_is_open(string edit)
    {
        if (edit == "special day removed")
        {
            await using var setup = _world.NewScope();
            await Edit(setup.ServiceProvider, "special day");
        }

        await using var booking = _world.NewScope();
        var decision = await booking.ServiceProvider.GetRequiredService<WriteGate>().BeginAsync(default);

        var change = Task.Run(async () =>
        {
            await using var admin = _world.NewScope();
            await Edit(admin.ServiceProvider, edit);
        });
        var raced = await Task.WhenAny(change, Task.Delay(TimeSpan.FromMilliseconds(500)));

        Assert.NotSame(change, raced);
        await decision.DisposeAsync();
        await change.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [StorageFact]
    public async Task A_booking_decided_while_its_day_is_being_closed_is_either_made_first_or_refused()
    {
        var start = CoreWorld.Moscow(12, 4, 10);
        await using var booking = _world.NewScope();
        var services = booking.ServiceProvider;

        // The booking decision holds the gate and has read the day as open (as BookSlot does) when the admin closes it.
        var decision = await services.GetRequiredService<WriteGate>().BeginAsync(default);
        var db = services.GetRequiredService<BookingDb>();
        Assert.True((await db.WorkingDays.SingleAsync(d => d.Weekday == DayOfWeek.Friday)).IsOpen);
        var closing = Task.Run(() => _world.RunAsync<SetWorkingHours.Handler, SetWorkingHours.Outcome>(
            h => h.HandleAsync(SetWorkingHours.Request.DayOff(AdminId, DayOfWeek.Friday), default)));
        await Task.WhenAny(closing, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var closedMeanwhile = closing.IsCompleted;
        var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
        db.Bookings.Add(Booking.Core.Domain.Booking.Create(
            7, service, start, Actor.Client, 7, NotificationPlan.From(await db.Settings.SingleAsync()), CoreWorld.Now.UtcDateTime));
        await db.SaveChangesAsync();
        await decision.CommitAsync(default);
        await decision.DisposeAsync();

        Assert.False(closedMeanwhile, "the day was closed while a booking decision that had read it as open was still running");
        Assert.Equal(SetWorkingHours.Outcome.Changed, await closing.WaitAsync(TimeSpan.FromSeconds(30)));
        var after = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(7, _world.ServiceId, CoreWorld.Moscow(12, 4, 12)), default));
        Assert.NotEqual(BookSlot.Outcome.Booked, after.Outcome);
    }

    private async Task Edit(IServiceProvider services, string edit)
    {
        switch (edit)
        {
            case "hours":
                Assert.Equal(SetWorkingHours.Outcome.Changed, await services.GetRequiredService<SetWorkingHours.Handler>()
                    .HandleAsync(SetWorkingHours.Request.DayOff(AdminId, DayOfWeek.Friday), default));
                break;
            case "special day":
                Assert.Equal(SetSpecialDay.Outcome.Saved, (await services.GetRequiredService<SetSpecialDay.Handler>()
                    .HandleAsync(new SetSpecialDay.Request(AdminId, Friday, null, null, "Праздник"), default)).Outcome);
                break;
            case "special day removed":
                Assert.Equal(RemoveSpecialDay.Outcome.Removed, await services.GetRequiredService<RemoveSpecialDay.Handler>()
                    .HandleAsync(AdminId, Friday, default));
                break;
            case "setting":
                Assert.Equal(ChangeSetting.Outcome.Changed, (await services.GetRequiredService<ChangeSetting.Handler>()
                    .HandleAsync(new ChangeSetting.Request(AdminId, SettingField.MinNotice, "120"), default)).Outcome);
                break;
            case "editor setting":
                Assert.Equal(EditField.Outcome.Changed, (await services.GetRequiredService<EditField.Handler>()
                    .SaveAsync(new EditField.Request(AdminId, EditorEntity.Settings, 0, ((int)SettingField.BookingLimit).ToString(System.Globalization.CultureInfo.InvariantCulture), "5"), default)).Outcome);
                break;
            case "service":
                Assert.Equal(EditService.Outcome.Done, await services.GetRequiredService<EditService.Handler>()
                    .SetActiveAsync(AdminId, _world.ServiceId, false, default));
                break;
            default:
                Assert.True(await services.GetRequiredService<UnblockTime.Handler>().HandleAsync(AdminId, _blockId, default));
                break;
        }
    }
}

public sealed class AdminEditsAtTheGateOnSqlite() : AdminEditsAtTheGateTests(Storage.Sqlite);

public sealed class AdminEditsAtTheGateOnPostgres() : AdminEditsAtTheGateTests(Storage.Postgres), IRunsOnPostgres;
