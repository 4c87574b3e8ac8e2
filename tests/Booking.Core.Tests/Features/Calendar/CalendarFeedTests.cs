using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Calendar;

/// <summary>X2 in the core: feed links kept only as hashes, what a feed holds, and the event a client's file describes.</summary>
public abstract class CalendarFeedTests(Storage storage) : IAsyncLifetime
{
    private const long Owner = 900;
    private const long Moderator = 901;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage, "Europe/Moscow", Owner);
        await _world.AddClientsAsync(1, 2);
        await _world.InDbAsync(async db =>
        {
            db.Admins.Add(new Admin(Moderator, AdminRole.Moderator, Owner, CoreWorld.Now.UtcDateTime));
            (await db.Settings.SingleAsync()).Address = "Тверская, 1";
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long client, DateTime startUtc)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc), default));
        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        return result.Booking!.Id;
    }

    private Task<string> CreateLinkAsync(long admin) =>
        _world.RunAsync<ManageFeedLink.Handler, string>(h => h.CreateAsync(admin, default));

    private Task<string?> FeedAsync(string token) =>
        _world.RunAsync<GetCalendarFeed.Handler, string?>(h => h.HandleAsync(token, default));

    [StorageFact]
    public async Task A_new_link_is_a_long_url_safe_token_of_which_only_the_hash_is_stored()
    {
        var token = await CreateLinkAsync(Moderator);

        Assert.Equal(43, token.Length);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        var stored = await _world.InDbAsync(db => db.CalendarFeeds.SingleAsync());
        Assert.Equal(Moderator, stored.AdminId);
        Assert.Equal(CalendarFeed.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        var audit = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal("calendar_feed.create", audit.Action);
        Assert.DoesNotContain(token, audit.After ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(stored.TokenHash, audit.After ?? "", StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task The_feed_holds_bookings_from_thirty_days_back_on_with_the_client_and_drops_cancelled_ones()
    {
        var kept = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        var cancelled = await BookAsync(2, CoreWorld.Moscow(12, 4, 12));
        await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(2, cancelled), default));
        var old = await BookAsync(2, CoreWorld.Moscow(12, 5, 15));
        var token = await CreateLinkAsync(Owner);
        _world.Clock.SetUtcNow(CoreWorld.Now.AddDays(33)); // 3 January: 3 December is more than 30 days ago, 5 December is not

        var ics = await FeedAsync(token);

        var events = Ical.Net.Calendar.Load(ics!)!.Events.ToList();
        var e = Assert.Single(events);
        Assert.Equal(CoreWorld.Moscow(12, 5, 15), e.DtStart!.AsUtc);
        Assert.Equal("Massage · Client 2", e.Summary);
        Assert.Equal("Тверская, 1", e.Location);
        Assert.Contains($"#{old}", e.Description, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261205T150000", ics, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:BookingBot", ics, StringComparison.Ordinal);
        Assert.Contains("X-PUBLISHED-TTL:PT1H", ics, StringComparison.Ordinal);
        Assert.DoesNotContain($"booking-{kept}-", ics, StringComparison.Ordinal);
        Assert.DoesNotContain($"booking-{cancelled}-", ics, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task A_renewed_or_revoked_link_stops_working_and_both_are_audited()
    {
        var first = await CreateLinkAsync(Moderator);
        var second = await CreateLinkAsync(Moderator);
        Assert.NotEqual(first, second);
        Assert.Null(await FeedAsync(first));
        Assert.NotNull(await FeedAsync(second));

        Assert.True(await _world.RunAsync<ManageFeedLink.Handler, bool>(h => h.RevokeAsync(Moderator, default)));

        Assert.Null(await FeedAsync(second));
        Assert.False(await _world.RunAsync<ManageFeedLink.Handler, bool>(h => h.RevokeAsync(Moderator, default)));
        var actions = await _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["calendar_feed.create", "calendar_feed.create", "calendar_feed.revoke"], actions);
        Assert.Equal(0, await _world.InDbAsync(db => db.CalendarFeeds.CountAsync()));
    }

    [StorageFact]
    public async Task The_feed_stops_working_when_its_admin_is_removed()
    {
        var token = await CreateLinkAsync(Moderator);
        Assert.NotNull(await FeedAsync(token));

        // Removed behind the bot's back: the role is checked on every request.
        await _world.InDbAsync(async db =>
        {
            db.Admins.Remove(await db.Admins.SingleAsync(a => a.UserId == Moderator));
            await db.SaveChangesAsync();
        });
        Assert.Null(await FeedAsync(token));

        // Removed through the bot: the feed row goes too.
        var again = await CreateLinkAsync(Owner);
        await _world.InDbAsync(async db =>
        {
            db.Admins.Add(new Admin(Moderator, AdminRole.Moderator, Owner, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
        await CreateLinkAsync(Moderator);
        await _world.RunAsync<ManageAdmins.Handler, ManageAdmins.Outcome>(h => h.RemoveAsync(Owner, Moderator, default));
        Assert.Equal([Owner], await _world.InDbAsync(db => db.CalendarFeeds.Select(f => f.AdminId).ToListAsync()));
        Assert.NotNull(await FeedAsync(again));
    }

    [StorageFact]
    public async Task Unknown_and_malformed_tokens_get_nothing()
    {
        await CreateLinkAsync(Owner);

        Assert.Null(await FeedAsync(new string('A', 43)));
        Assert.Null(await FeedAsync(""));
        Assert.Null(await FeedAsync("../../etc/passwd"));
        Assert.Null(await FeedAsync(new string('A', 44)));
    }

    [StorageFact]
    public async Task A_moved_booking_keeps_its_uid_and_raises_its_sequence()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        var before = await _world.RunAsync<GetBookingEvent.Handler, GetBookingEvent.Result?>(h => h.HandleAsync(1, id, default));

        await _world.RunAsync<RescheduleBooking.Handler, RescheduleBooking.Result>(h => h.HandleAsync(new RescheduleBooking.Request(1, id, CoreWorld.Moscow(12, 4, 11)), default));
        var after = await _world.RunAsync<GetBookingEvent.Handler, GetBookingEvent.Result?>(h => h.HandleAsync(1, id, default));

        Assert.Equal(before!.Uid, after!.Uid);
        Assert.Equal(0, before.Sequence);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(CoreWorld.Moscow(12, 4, 11), after.StartUtc);
        Assert.Equal(60, after.AlarmMinutesBefore); // the closest of the default 24 h, 2 h, 1 h reminders
        Assert.Equal("Тверская, 1", after.Address);
        Assert.Null(await _world.RunAsync<GetBookingEvent.Handler, GetBookingEvent.Result?>(h => h.HandleAsync(2, id, default)));
    }
}

public sealed class CalendarFeedOnSqlite() : CalendarFeedTests(Storage.Sqlite);

public sealed class CalendarFeedOnPostgres() : CalendarFeedTests(Storage.Postgres), IRunsOnPostgres;
