using Booking.Core.Domain;
using Booking.Core.Features.Panel;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Panel;

/// <summary>X1: one-time links to the web panel — hashed, short-lived, single-use, bound to a current admin.</summary>
public abstract class PanelLoginTests(Storage storage) : IAsyncLifetime
{
    private const long OwnerId = 50;
    private const long ModeratorId = 51;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage, "Europe/Moscow", OwnerId);
        await _world.AddClientsAsync(1, OwnerId, ModeratorId);
        await _world.InDbAsync(async db =>
        {
            db.Admins.Add(new Admin(ModeratorId, AdminRole.Moderator, OwnerId, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<IssuePanelLogin.Result> IssueAsync(long userId) =>
        _world.RunAsync<IssuePanelLogin.Handler, IssuePanelLogin.Result>(h => h.HandleAsync(userId, default));

    private Task<RedeemPanelLogin.Result> RedeemAsync(string? token) =>
        _world.RunAsync<RedeemPanelLogin.Handler, RedeemPanelLogin.Result>(h => h.HandleAsync(token, default));

    [StorageFact]
    public async Task A_link_signs_its_admin_in_once_with_their_role_and_only_its_hash_is_stored()
    {
        var issued = await IssueAsync(ModeratorId);
        Assert.NotNull(issued.Token);
        Assert.True(issued.Token!.Length >= 43);
        var stored = await _world.InDbAsync(db => db.PanelLoginTokens.SingleAsync());
        Assert.Equal(IssuePanelLogin.HashOf(issued.Token), stored.TokenHash);
        Assert.DoesNotContain(issued.Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(CoreWorld.Now.UtcDateTime.AddMinutes(10), stored.ExpiresUtc);

        var first = await RedeemAsync(issued.Token);
        var second = await RedeemAsync(issued.Token);

        Assert.Equal((RedeemPanelLogin.Outcome.SignedIn, ModeratorId, (AdminRole?)AdminRole.Moderator), (first.Outcome, first.AdminId, first.Role));
        Assert.Equal(RedeemPanelLogin.Outcome.AlreadyUsed, second.Outcome);
    }

    [StorageFact]
    public async Task A_link_is_refused_after_ten_minutes_a_forged_one_always_and_a_client_gets_none()
    {
        var issued = await IssueAsync(OwnerId);
        _world.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(RedeemPanelLogin.Outcome.Expired, (await RedeemAsync(issued.Token)).Outcome);
        Assert.Equal(RedeemPanelLogin.Outcome.Unknown, (await RedeemAsync("not-a-token")).Outcome);
        Assert.Equal(RedeemPanelLogin.Outcome.Unknown, (await RedeemAsync(null)).Outcome);
        Assert.Null((await IssueAsync(1)).Token);
        Assert.Equal(1, await _world.InDbAsync(db => db.PanelLoginTokens.CountAsync()));
    }

    [StorageFact]
    public async Task A_link_of_an_admin_removed_since_it_was_sent_does_not_sign_in()
    {
        var issued = await IssueAsync(ModeratorId);
        await _world.InDbAsync(async db =>
        {
            db.Admins.Remove(await db.Admins.SingleAsync());
            await db.SaveChangesAsync();
        });

        Assert.Equal(RedeemPanelLogin.Outcome.NotAdmin, (await RedeemAsync(issued.Token)).Outcome);
    }

    [StorageFact]
    public async Task Many_uses_of_one_link_at_the_same_moment_sign_in_exactly_once()
    {
        var issued = await IssueAsync(OwnerId);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RedeemAsync(issued.Token))));

        Assert.Single(results, r => r.Outcome == RedeemPanelLogin.Outcome.SignedIn);
        Assert.All(results.Where(r => r.Outcome != RedeemPanelLogin.Outcome.SignedIn), r => Assert.Equal(RedeemPanelLogin.Outcome.AlreadyUsed, r.Outcome));
    }
}

public sealed class PanelLoginOnSqlite() : PanelLoginTests(Storage.Sqlite);

public sealed class PanelLoginOnPostgres() : PanelLoginTests(Storage.Postgres), IRunsOnPostgres;
