using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Clients;
using static Booking.Core.Tests.CoreWorld;

namespace Booking.Core.Tests.Features.Clients;

/// <summary>C11 /mydata: exactly what is stored about the one asking, and nothing about anyone else.</summary>
public abstract class ShowMyDataTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CreateAsync(storage, "Europe/Moscow", 3);
        await _world.InDbAsync(db =>
        {
            var anna = new Client(1, "Анна", "Петрова", "anna_p", "ru", Now.UtcDateTime.AddDays(-30));
            anna.ChangePhone("+79161234567");
            db.Clients.Add(anna);
            db.Clients.Add(new Client(2, "Борис", null, null, "en", Now.UtcDateTime));
            db.Clients.Add(new Client(3, "Owner", null, null, "ru", Now.UtcDateTime));
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ShowMyData.Result?> ShowAsync(long id) => _world.RunAsync<ShowMyData.Handler, ShowMyData.Result?>(h => h.HandleAsync(id, default));

    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc) =>
        _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc), default));

    [StorageFact]
    public async Task Shows_names_contacts_language_dates_and_counts_of_the_one_asking()
    {
        var first = await BookAsync(1, Moscow(12, 3, 10));
        await BookAsync(1, Moscow(12, 4, 10));
        await BookAsync(2, Moscow(12, 5, 10));
        await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(1, first.Booking!.Id), default));
        await _world.InDbAsync(db =>
        {
            db.Reviews.Add(new Review(first.Booking!.Id, 1, 5, Now.UtcDateTime));

            // Still waiting for the 6th; no longer for the 7th; the 30th has ended (not yet swept); the other client's wait
            // is not Anna's. Only the 6th counts, as in "my bookings".
            var day = new Interval(Moscow(12, 6, 0), Moscow(12, 7, 0));
            db.WaitlistEntries.Add(new WaitlistEntry(1, _world.ServiceId, new DateOnly(2026, 12, 6), day, Now.UtcDateTime));
            var left = new WaitlistEntry(1, _world.ServiceId, new DateOnly(2026, 12, 7), day, Now.UtcDateTime);
            left.Close(WaitStatus.Left, Now.UtcDateTime);
            db.WaitlistEntries.Add(left);
            db.WaitlistEntries.Add(new WaitlistEntry(2, _world.ServiceId, new DateOnly(2026, 12, 6), day, Now.UtcDateTime));
            db.WaitlistEntries.Add(new WaitlistEntry(1, _world.ServiceId, new DateOnly(2026, 11, 30),
                new Interval(Moscow(11, 30, 0), Moscow(12, 1, 0)), Now.UtcDateTime.AddDays(-2)));
            return db.SaveChangesAsync();
        });

        var mine = await ShowAsync(1);

        Assert.Equal(
            new ShowMyData.Result("Анна", "Петрова", "anna_p", "ru", false, "+79161234567", Now.UtcDateTime.AddDays(-30), Now.UtcDateTime.AddDays(-30), 1, 1, 1, 1, false),
            mine);
    }

    [StorageFact]
    public async Task Says_whether_the_one_asking_is_an_admin_and_knows_nobody_unknown()
    {
        Assert.True((await ShowAsync(3))!.IsAdmin);
        Assert.False((await ShowAsync(2))!.IsAdmin);
        Assert.Null(await ShowAsync(404));
    }
}

public sealed class ShowMyDataOnSqlite() : ShowMyDataTests(Storage.Sqlite);

public sealed class ShowMyDataOnPostgres() : ShowMyDataTests(Storage.Postgres), IRunsOnPostgres;
