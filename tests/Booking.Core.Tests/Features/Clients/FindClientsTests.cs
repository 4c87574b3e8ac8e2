using Booking.Core.Domain;
using Booking.Core.Features.Clients;

namespace Booking.Core.Tests.Features.Clients;

/// <summary>A3: finding the client an admin means, by what a person would type.</summary>
public abstract class FindClientsTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.InDbAsync(db =>
        {
            var now = CoreWorld.Now.UtcDateTime;
            var anna = new Client(111111, "Анна", "Петрова", "anna_p", "ru", now.AddDays(-2));
            anna.ChangePhone("+79161234567");
            db.Clients.Add(anna);
            db.Clients.Add(new Client(222222, "Анастасия", null, null, "ru", now.AddDays(-1)));
            db.Clients.Add(new Client(333333, "Boris", "Ivanov", "boris", "en", now));
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<long[]> FindAsync(string typed) =>
        [.. (await _world.RunAsync<FindClients.Handler, IReadOnlyList<Client>>(h => h.HandleAsync(typed, default))).Select(c => c.Id)];

    [StorageFact]
    public async Task Finds_by_any_part_of_a_name_in_any_case_most_recently_seen_first()
    {
        Assert.Equal(new long[] { 222222L, 111111L }, await FindAsync("ан"));
        Assert.Equal(new long[] { 111111L }, await FindAsync("ПЕТРОВА"));
        Assert.Equal(new long[] { 111111L }, await FindAsync("анна петрова"));
        Assert.Equal(new long[] { 333333L }, await FindAsync("iva"));
    }

    [StorageFact]
    public async Task Finds_by_username_phone_in_any_notation_and_telegram_id()
    {
        Assert.Equal(new long[] { 333333L }, await FindAsync("@boris"));
        Assert.Equal(new long[] { 111111L }, await FindAsync("anna_p"));
        Assert.Equal(new long[] { 111111L }, await FindAsync("8 (916) 123-45-67"));
        Assert.Equal(new long[] { 111111L }, await FindAsync("+7 916 1234567"));
        Assert.Equal(new long[] { 222222L }, await FindAsync("222222"));
    }

    [StorageFact]
    public async Task Finds_nothing_for_a_single_letter_a_stranger_or_a_client_who_was_forgotten()
    {
        Assert.Empty(await FindAsync("а"));
        Assert.Empty(await FindAsync("Зоя"));
        Assert.Empty(await FindAsync("99999999"));

        await _world.RunAsync<ForgetClient.Handler, ForgetClient.Result>(h => h.HandleAsync(111111, default));

        Assert.Empty(await FindAsync("Анна"));
        Assert.Empty(await FindAsync("+79161234567"));
        Assert.Empty(await FindAsync("111111"));
        Assert.Null(await _world.RunAsync<FindClients.Handler, Client?>(h => h.ByIdAsync(111111, default)));
        Assert.Equal(333333, (await _world.RunAsync<FindClients.Handler, Client?>(h => h.ByIdAsync(333333, default)))!.Id);
    }
}

public sealed class FindClientsOnSqlite() : FindClientsTests(Storage.Sqlite);

public sealed class FindClientsOnPostgres() : FindClientsTests(Storage.Postgres), IRunsOnPostgres;
