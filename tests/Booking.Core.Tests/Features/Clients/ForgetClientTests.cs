using Booking.Core.Domain;
using Booking.Core.Features.Analytics;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;
using static Booking.Core.Tests.CoreWorld;

namespace Booking.Core.Tests.Features.Clients;

/// <summary>
/// C11 /forgetme on a real database: the person is gone, their future bookings are cancelled, and every figure built on
/// the past stays exactly as it was. Anna (1) asks to be forgotten; Boris (2) is another client.
/// </summary>
public abstract class ForgetClientTests(Storage storage) : IAsyncLifetime
{
    private const long Anna = 1;
    private const long Boris = 2;
    private const string Phone = "+79161234567";
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CreateAsync(storage, "Europe/Moscow", 99);
        await _world.InDbAsync(async db =>
        {
            var anna = new Client(Anna, "Анна", "Петрова", "anna_p", "en", Now.UtcDateTime.AddDays(-20));
            anna.ChangePhone(Phone);
            anna.ChooseLanguage("en");
            db.Clients.Add(anna);
            db.Clients.Add(new Client(Boris, "Борис", null, "boris", "ru", Now.UtcDateTime.AddDays(-10)));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ForgetClient.Result> ForgetAsync(long id) =>
        _world.RunAsync<ForgetClient.Handler, ForgetClient.Result>(h => h.HandleAsync(id, default));

    /// <summary>A visit on a past day, made three days before it (so reminders were planned), optionally completed and rated.</summary>
    private Task<int> PastVisitAsync(long client, DateTime startUtc, BookingStatus status, int? rating = null, string? comment = null) =>
        _world.InDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
            var booking = Domain.Booking.Create(client, service, startUtc, Actor.Client, client, new NotificationPlan([1440, 120], 120), startUtc.AddDays(-3));
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            if (status == BookingStatus.Completed)
            {
                booking.MarkCompleted(Actor.Admin, 99, startUtc.AddHours(1));
            }
            else if (status == BookingStatus.NoShow)
            {
                booking.MarkNoShow(Actor.Admin, 99, startUtc.AddHours(1));
            }

            if (rating is { } stars)
            {
                var review = new Review(booking.Id, client, stars, startUtc.AddHours(3));
                if (comment is not null)
                {
                    review.AddComment(comment);
                }

                db.Reviews.Add(review);
            }

            await db.SaveChangesAsync();
            return booking.Id;
        });

    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc) =>
        _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc), default));

    private Task<GetDashboard.Result> DashboardAsync(DashboardPeriod period) =>
        _world.RunAsync<GetDashboard.Handler, GetDashboard.Result>(h => h.HandleAsync(period, default));

    [StorageFact]
    public async Task Nothing_with_the_persons_telegram_id_or_details_is_left()
    {
        await PastVisitAsync(Anna, Moscow(11, 20, 10), BookingStatus.Completed, 5, "Лучший массаж!");
        await BookAsync(Anna, Moscow(12, 3, 10));
        await _world.InDbAsync(db =>
        {
            db.Conversations.Add(new ConversationState(Anna, "booking", "{}", Now.UtcDateTime, Now.UtcDateTime.AddHours(1)));
            db.LiveKeyboards.Add(new LiveKeyboard(Anna, 77, Now.UtcDateTime));
            return db.SaveChangesAsync();
        });

        var result = await ForgetAsync(Anna);

        Assert.Equal(ForgetClient.Outcome.Forgotten, result.Outcome);
        await _world.InDbAsync(async db =>
        {
            Assert.False(await db.Clients.AnyAsync(c => c.Id == Anna));
            Assert.False(await db.Bookings.AnyAsync(b => b.ClientId == Anna));
            Assert.False(await db.Reviews.AnyAsync(r => r.ClientId == Anna));
            Assert.False(await db.BookingHistory.AnyAsync(h => h.ActorId == Anna));
            Assert.False(await db.Conversations.AnyAsync(c => c.ChatId == Anna));
            Assert.False(await db.LiveKeyboards.AnyAsync(k => k.ChatId == Anna));
            var standIn = await db.Clients.SingleAsync(c => c.ErasedUtc != null);
            Assert.Equal(result.StandIn!.Id, standIn.Id);
            Assert.True(standIn.Id < 0);
            Assert.Equal("👤 #1", standIn.FirstName);
            Assert.Equal((null, null, null), (standIn.LastName, standIn.Username, standIn.Phone));
            Assert.Equal((Languages.Default, false, true), (standIn.Language, standIn.LanguageChosen, standIn.IsBlocked));
            Assert.Equal(2, await db.Bookings.CountAsync(b => b.ClientId == standIn.Id));
            Assert.Equal(Boris, (await db.Clients.SingleAsync(c => c.Username == "boris")).Id);
        });
    }

    [StorageFact]
    public async Task Past_visits_and_ratings_stay_so_every_dashboard_figure_is_unchanged()
    {
        await PastVisitAsync(Anna, Moscow(11, 20, 10), BookingStatus.Completed, 5, "Спасибо");
        await PastVisitAsync(Anna, Moscow(11, 27, 12), BookingStatus.Completed, 3);
        await PastVisitAsync(Anna, Moscow(11, 28, 15), BookingStatus.NoShow);
        await PastVisitAsync(Boris, Moscow(11, 27, 10), BookingStatus.Completed, 4);
        var before = await Task.WhenAll(Enum.GetValues<DashboardPeriod>().Select(DashboardAsync));

        await ForgetAsync(Anna);

        var after = await Task.WhenAll(Enum.GetValues<DashboardPeriod>().Select(DashboardAsync));
        foreach (var (b, a) in before.Zip(after))
        {
            Assert.Equal(b with { TopClients = [], Revenue = [], Expected = [], Prepaid = [], Advice = [] }, a with { TopClients = [], Revenue = [], Expected = [], Prepaid = [], Advice = [] });
            Assert.Equal(b.Revenue, a.Revenue);
            Assert.Equal(b.Expected, a.Expected);
            Assert.Equal(b.Prepaid, a.Prepaid);
            Assert.Equal(b.Advice, a.Advice);
            Assert.Equal(b.TopClients.Select(c => c.Visits), a.TopClients.Select(c => c.Visits));
        }

        var allTime = after[^1];
        Assert.Equal((3, 1, 4.0, 3), (allTime.Completed, allTime.NoShows, allTime.AverageRating, allTime.Reviews));
        Assert.Contains(allTime.TopClients, c => c.Name == "👤 #1" && c.Visits == 2);
        Assert.DoesNotContain(allTime.TopClients, c => c.Name.Contains("anna", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("Анна", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task Future_bookings_are_cancelled_their_time_freed_and_their_reminders_dropped()
    {
        var slot = Moscow(12, 3, 10);
        var booked = await BookAsync(Anna, slot);

        var result = await ForgetAsync(Anna);

        var cancelled = Assert.Single(result.Cancelled!);
        Assert.Equal((booked.Booking!.Id, "Massage", slot), (cancelled.BookingId, cancelled.Service, cancelled.StartUtc));
        await _world.InDbAsync(async db =>
        {
            var booking = await db.Bookings.Include(b => b.Notifications).Include(b => b.History).SingleAsync();
            Assert.Equal(BookingStatus.Cancelled, booking.Status);
            Assert.NotEmpty(booking.Notifications);
            Assert.All(booking.Notifications, n => Assert.Equal(NotificationStatus.Cancelled, n.Status));
            Assert.Contains(booking.History, h => h.Change == BookingChange.Cancelled && h.Actor == Actor.Client && h.ActorId == result.StandIn!.Id);
        });
        var day = await _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(h => h.DayAsync(new GetAvailability.Subject(_world.ServiceId), new DateOnly(2026, 12, 3), default));
        Assert.True(day!.Slots.Single(s => s.StartUtc == slot).IsFree);
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(Boris, slot)).Outcome);
    }

    [StorageFact]
    public async Task Review_comments_are_erased_ratings_kept_and_open_review_requests_dropped()
    {
        var visit = await PastVisitAsync(Anna, Moscow(11, 30, 16), BookingStatus.Completed, 2, "Было больно, позвоню +79160000000");
        var unrated = await PastVisitAsync(Anna, Moscow(11, 30, 17), BookingStatus.Completed);
        Assert.True(await _world.InDbAsync(db => db.Notifications.AnyAsync(n => n.BookingId == unrated && n.Kind == NotificationKind.ReviewRequest && n.Status == NotificationStatus.Pending)));

        await ForgetAsync(Anna);

        await _world.InDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.BookingId == visit);
            Assert.Equal((2, null), (review.Rating, review.Comment));
            Assert.False(await db.Notifications.AnyAsync(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending));
            Assert.Equal(BookingStatus.Completed, (await db.Bookings.SingleAsync(b => b.Id == unrated)).Status);
        });
    }

    [StorageFact]
    public async Task The_erasure_is_audited_and_earlier_audit_values_about_the_person_are_dropped()
    {
        await _world.InDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry(99, "client.phone", ForgetClient.Target(Anna), "{\"phone\":null}", $"{{\"phone\":\"{Phone}\"}}", Now.UtcDateTime));
            db.AuditEntries.Add(new AuditEntry(99, "client.phone", ForgetClient.Target(Boris), null, "{\"phone\":\"+70000000000\"}", Now.UtcDateTime));
            return db.SaveChangesAsync();
        });

        var standIn = (await ForgetAsync(Anna)).StandIn!;

        var entries = await _world.InDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, entries.Count);
        Assert.Equal((99, "client.phone", ForgetClient.Target(standIn.Id), null, null), (entries[0].ActorId, entries[0].Action, entries[0].Target, entries[0].Before, entries[0].After));
        Assert.Equal("{\"phone\":\"+70000000000\"}", entries[1].After);
        Assert.Equal((standIn.Id, "client.forget", ForgetClient.Target(standIn.Id)), (entries[2].ActorId, entries[2].Action, entries[2].Target));
        Assert.DoesNotContain(entries, e => $"{e.Target}{e.Before}{e.After}".Contains(Phone, StringComparison.Ordinal) || e.Target == ForgetClient.Target(Anna));
    }

    [StorageFact]
    public async Task An_admin_cannot_erase_themselves_and_nothing_changes()
    {
        await _world.InDbAsync(db =>
        {
            db.Admins.Add(new Admin(Boris, AdminRole.Moderator, 99, Now.UtcDateTime));
            db.Clients.Add(new Client(99, "Owner", null, null, "ru", Now.UtcDateTime));
            return db.SaveChangesAsync();
        });
        await BookAsync(Boris, Moscow(12, 3, 10));

        Assert.Equal(ForgetClient.Outcome.IsAdmin, (await ForgetAsync(Boris)).Outcome);
        Assert.Equal(ForgetClient.Outcome.IsAdmin, (await ForgetAsync(99)).Outcome);

        await _world.InDbAsync(async db =>
        {
            Assert.Equal("boris", (await db.Clients.SingleAsync(c => c.Id == Boris)).Username);
            Assert.Equal(BookingStatus.Confirmed, (await db.Bookings.SingleAsync()).Status);
            Assert.False(await db.Clients.AnyAsync(c => c.ErasedUtc != null));
            Assert.False(await db.AuditEntries.AnyAsync());
        });
    }

    [StorageFact]
    public async Task The_person_writing_again_is_a_fresh_client_with_no_link_to_the_past()
    {
        await PastVisitAsync(Anna, Moscow(11, 20, 10), BookingStatus.Completed, 5);
        await ForgetAsync(Anna);
        Assert.Equal(ForgetClient.Outcome.NotFound, (await ForgetAsync(Anna)).Outcome);

        var registered = await _world.InDbAsync(async db =>
        {
            var handler = new RegisterClient.Handler(db, _world.Clock);
            var result = await handler.HandleAsync(new RegisterClient.Request(Anna, "Анна", null, "anna_new", "ru"), default);
            await db.SaveChangesAsync();
            return result;
        });

        Assert.True(registered.IsNew);
        Assert.Equal((null, "ru", false), (registered.Client.Phone, registered.Client.Language, registered.Client.LanguageChosen));
        var mine = await _world.RunAsync<ShowMyData.Handler, ShowMyData.Result?>(h => h.HandleAsync(Anna, default));
        Assert.Equal((0, 0, 0), (mine!.Upcoming, mine.Past, mine.Reviews));
        Assert.Equal(Now.UtcDateTime, mine.FirstSeenUtc);
        var summary = await _world.RunAsync<GetClientSummary.Handler, GetClientSummary.Result>(h => h.HandleAsync(Anna, default));
        Assert.Equal((0, null), (summary.Visits, summary.AverageRating));
    }

    [StorageFact]
    public async Task Each_forgotten_person_gets_a_stand_in_of_their_own()
    {
        await PastVisitAsync(Anna, Moscow(11, 20, 10), BookingStatus.Completed);
        await PastVisitAsync(Boris, Moscow(11, 21, 10), BookingStatus.Completed);

        var first = (await ForgetAsync(Anna)).StandIn!;
        var second = (await ForgetAsync(Boris)).StandIn!;

        Assert.Equal((-1L, -2L), (first.Id, second.Id));
        Assert.Equal(("👤 #1", "👤 #2"), (first.FirstName, second.FirstName));
        Assert.Equal(1, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.ClientId == second.Id)));
    }

    [StorageFact]
    public async Task A_broadcast_still_going_out_skips_the_person_and_keeps_what_was_sent()
    {
        await _world.InDbAsync(async db =>
        {
            var broadcast = new Broadcast("Скидки!", Audience.All, 99, null, 2, Now.UtcDateTime);
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync();
            db.BroadcastRecipients.Add(new BroadcastRecipient(broadcast.Id, Anna));
            db.BroadcastRecipients.Add(new BroadcastRecipient(broadcast.Id, Boris));
            await db.SaveChangesAsync();
        });

        var standIn = (await ForgetAsync(Anna)).StandIn!;

        var recipients = await _world.InDbAsync(db => db.BroadcastRecipients.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal((standIn.Id, RecipientStatus.Blocked), (recipients[0].ClientId, recipients[0].Status));
        Assert.Equal((Boris, RecipientStatus.Pending), (recipients[1].ClientId, recipients[1].Status));
    }
}

public sealed class ForgetClientOnSqlite() : ForgetClientTests(Storage.Sqlite);

public sealed class ForgetClientOnPostgres() : ForgetClientTests(Storage.Postgres), IRunsOnPostgres;
