using Booking.Core.Domain;
using Booking.Core.Features.Audit;

namespace Booking.Core.Tests.Features.Audit;

public abstract class ListAuditEntriesTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(7);
        await _world.InDbAsync(async db =>
        {
            // 23 entries a minute apart: admin 7 writes the even ones, admin 8 (never talked to the bot) the odd ones.
            for (var i = 0; i < 23; i++)
            {
                var actor = i % 2 == 0 ? 7 : 8;
                db.AuditEntries.Add(new AuditEntry(actor, i % 3 == 0 ? "booking.cancel" : "admin.add", $"n:{i}", null, null, CoreWorld.Now.UtcDateTime.AddMinutes(i)));
            }

            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ListAuditEntries.Result> PageAsync(int page, long? actor = null, string? action = null) =>
        _world.RunAsync<ListAuditEntries.Handler, ListAuditEntries.Result>(h => h.HandleAsync(new ListAuditEntries.Filter(actor, action), page, default));

    [StorageFact]
    public async Task Pages_hold_ten_entries_newest_first_and_a_page_past_the_end_shows_the_last()
    {
        var first = await PageAsync(0);
        Assert.Equal((23, 3), (first.Total, first.Pages));
        Assert.Equal(Enumerable.Range(13, 10).Reverse().Select(i => $"n:{i}"), first.Entries.Select(e => e.Audit.Target));
        Assert.Equal("Client 7", first.Entries.Single(e => e.Audit.Target == "n:22").ActorName);
        Assert.Null(first.Entries.Single(e => e.Audit.Target == "n:21").ActorName);
        Assert.Equal([(7L, "Client 7"), (8L, null)], first.Actors);
        Assert.Equal(["admin.add", "booking.cancel"], first.Actions);

        var last = await PageAsync(99);
        Assert.Equal(2, last.Page);
        Assert.Equal(["n:2", "n:1", "n:0"], last.Entries.Select(e => e.Audit.Target));
    }

    [StorageFact]
    public async Task Filters_by_admin_and_by_action_combine()
    {
        var cancels = await PageAsync(0, action: "booking.cancel");
        Assert.Equal(8, cancels.Total);

        var byEight = await PageAsync(0, actor: 8, action: "booking.cancel");
        Assert.Equal(["n:21", "n:15", "n:9", "n:3"], byEight.Entries.Select(e => e.Audit.Target));
    }
}

public sealed class ListAuditEntriesOnSqlite() : ListAuditEntriesTests(Storage.Sqlite);

public sealed class ListAuditEntriesOnPostgres() : ListAuditEntriesTests(Storage.Postgres), IRunsOnPostgres;
