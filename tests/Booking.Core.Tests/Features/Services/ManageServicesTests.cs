using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Services;

/// <summary>A4 on real SQLite: create, edit, show/hide, reorder and delete, each audited.</summary>
public abstract class ManageServicesTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 42;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<CreateService.Result> CreateAsync(string name, int minutes = 60, int? interval = null) =>
        _world.RunAsync<CreateService.Handler, CreateService.Result>(h =>
            h.HandleAsync(new CreateService.Request(AdminId, name, null, minutes, 1000m, "RUB", interval), default));

    private Task<T> EditAsync<T>(Func<EditService.Handler, Task<T>> call) => _world.RunAsync(call);

    private Task<IReadOnlyList<string>> ClientListAsync() =>
        _world.RunAsync<ListServices.Handler, IReadOnlyList<string>>(async h => (await h.HandleAsync(default)).Services.Select(s => s.Name).ToList());

    private Task<IReadOnlyList<string>> AdminListAsync() =>
        _world.RunAsync<ListAllServices.Handler, IReadOnlyList<string>>(async h => (await h.HandleAsync(default)).Select(s => s.Name).ToList());

    private Task<List<string>> AuditActionsAsync() =>
        _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [StorageFact]
    public async Task A_created_service_is_last_in_the_list_bookable_at_once_and_audited()
    {
        var created = await CreateAsync("Стрижка", 45, 15);

        Assert.Equal(CreateService.Outcome.Created, created.Outcome);
        Assert.Equal("Стрижка", (await ClientListAsync())[^1]);
        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("service.create", $"service:{created.Service!.Id}", AdminId), (entry.Action, entry.Target, entry.ActorId));
        Assert.Null(entry.Before);
        Assert.Contains("\"duration\":45", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"interval\":15", entry.After, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task Invalid_values_are_refused_and_nothing_is_written()
    {
        Assert.Equal(CreateService.Outcome.Invalid, (await CreateAsync("Долго", 481)).Outcome);
        Assert.Equal(CreateService.Outcome.Invalid, (await CreateAsync("Сетка", 60, 45)).Outcome);
        Assert.Equal(EditService.Outcome.Invalid, await EditAsync(h => h.RenameAsync(AdminId, _world.ServiceId, new string('я', 129), default)));
        Assert.Equal(EditService.Outcome.Invalid, await EditAsync(h => h.ChangePriceAsync(AdminId, _world.ServiceId, -1m, "RUB", default)));
        Assert.Equal(EditService.Outcome.NotFound, await EditAsync(h => h.ChangeDurationAsync(AdminId, 9999, 60, default)));

        Assert.Empty(await AuditActionsAsync());
        Assert.Equal(2, await _world.InDbAsync(db => db.Services.CountAsync()));
    }

    [StorageFact]
    public async Task An_edit_records_the_value_before_and_after()
    {
        Assert.Equal(EditService.Outcome.Done, await EditAsync(h => h.ChangePriceAsync(AdminId, _world.ServiceId, 3100.5m, "RUB", default)));

        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal("service.price", entry.Action);
        Assert.Contains("\"price\":2500", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"price\":3100.5", entry.After, StringComparison.Ordinal);
        Assert.Equal(3100.5m, await _world.InDbAsync(db => db.Services.Where(s => s.Id == _world.ServiceId).Select(s => s.Price).SingleAsync()));
    }

    [StorageFact]
    public async Task A_hidden_service_disappears_for_clients_but_stays_in_the_admin_list()
    {
        Assert.Equal(EditService.Outcome.Done, await EditAsync(h => h.SetActiveAsync(AdminId, _world.ServiceId, false, default)));

        Assert.DoesNotContain("Massage", await ClientListAsync());
        Assert.Contains("Massage", await AdminListAsync());
        var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 10)), default));
        Assert.Equal(BookSlot.Outcome.ServiceUnavailable, booked.Outcome);

        Assert.Equal(EditService.Outcome.Done, await EditAsync(h => h.SetActiveAsync(AdminId, _world.ServiceId, true, default)));
        Assert.Contains("Massage", await ClientListAsync());
        Assert.Equal(["service.deactivate", "service.activate"], await AuditActionsAsync());
    }

    [StorageFact]
    public async Task Moving_up_and_down_swaps_neighbours_and_stops_at_the_edges()
    {
        await CreateAsync("B");
        await CreateAsync("C");
        var c = await _world.InDbAsync(db => db.Services.Where(s => s.Name == "C").Select(s => s.Id).SingleAsync());
        Task<MoveService.Outcome> MoveAsync(int id, bool up) =>
            _world.RunAsync<MoveService.Handler, MoveService.Outcome>(h => h.HandleAsync(AdminId, id, up, default));
        var start = await AdminListAsync();
        Assert.Equal(["B", "C"], start.TakeLast(2));

        Assert.Equal(MoveService.Outcome.Moved, await MoveAsync(c, up: true));
        Assert.Equal(["C", "B"], (await AdminListAsync()).TakeLast(2));
        Assert.Equal(["C", "B"], (await ClientListAsync()).TakeLast(2));

        Assert.Equal(MoveService.Outcome.Moved, await MoveAsync(c, up: false));
        Assert.Equal(MoveService.Outcome.AtEdge, await MoveAsync(c, up: false));
        Assert.Equal(start, await AdminListAsync());
        var first = (await _world.InDbAsync(db => ListAllServices.Ordered(db.Services).FirstAsync())).Id;
        Assert.Equal(MoveService.Outcome.AtEdge, await MoveAsync(first, up: true));
    }

    [StorageFact]
    public async Task A_service_with_bookings_is_only_marked_deleted_and_hidden_everywhere()
    {
        await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 10)), default));
        var impact = await _world.RunAsync<DeleteService.Handler, DeleteService.Impact?>(h => h.CheckAsync(_world.ServiceId, default));
        Assert.Equal((1, 1), (impact!.Bookings, impact.Upcoming));

        var outcome = await _world.RunAsync<DeleteService.Handler, DeleteService.Outcome>(h => h.HandleAsync(AdminId, _world.ServiceId, default));

        Assert.Equal(DeleteService.Outcome.SoftDeleted, outcome);
        var stored = await _world.InDbAsync(db => db.Services.SingleAsync(s => s.Id == _world.ServiceId));
        Assert.True(stored.IsDeleted);
        Assert.False(stored.IsBookable);
        Assert.DoesNotContain("Massage", await ClientListAsync());
        Assert.DoesNotContain("Massage", await AdminListAsync());
        Assert.Equal(1, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.ServiceId == _world.ServiceId)));
        Assert.Equal(["service.soft_delete"], await AuditActionsAsync());
    }

    [StorageFact]
    public async Task A_service_never_booked_is_removed_for_good()
    {
        var created = await CreateAsync("Пробная");

        var outcome = await _world.RunAsync<DeleteService.Handler, DeleteService.Outcome>(h => h.HandleAsync(AdminId, created.Service!.Id, default));

        Assert.Equal(DeleteService.Outcome.Removed, outcome);
        Assert.False(await _world.InDbAsync(db => db.Services.AnyAsync(s => s.Id == created.Service!.Id)));
        Assert.Equal(["service.create", "service.delete"], await AuditActionsAsync());
        Assert.Equal(DeleteService.Outcome.NotFound,
            await _world.RunAsync<DeleteService.Handler, DeleteService.Outcome>(h => h.HandleAsync(AdminId, created.Service!.Id, default)));
    }
}

public sealed class ManageServicesOnSqlite() : ManageServicesTests(Storage.Sqlite);

public sealed class ManageServicesOnPostgres() : ManageServicesTests(Storage.Postgres), IRunsOnPostgres;
