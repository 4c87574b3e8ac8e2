using Booking.Core.Domain;
using Booking.Core.Features.Analytics;
using Booking.Core.Scheduling;
using static Booking.Core.Tests.CoreWorld;

namespace Booking.Core.Tests.Features.Analytics;

/// <summary>
/// A2 on a known week (Wed 25 Nov – Tue 1 Dec 2026, now Tue 09:00 Moscow), open 09:00–18:00 daily except: Thu 26
/// special hours 10:00–14:00, Sun 29 closed, Mon 30 blocked 09:00–12:00. Open time: 4 × 540 + 240 + 360 = 2760 min.
/// </summary>
public abstract class GetDashboardTests(Storage storage) : IAsyncLifetime
{
    private const long Owner = 99;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CreateAsync(storage);
        await _world.InDbAsync(SeedAsync);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<GetDashboard.Result> DashboardAsync(DashboardPeriod period) =>
        _world.RunAsync<GetDashboard.Handler, GetDashboard.Result>(h => h.HandleAsync(period, default));

    [StorageFact]
    public async Task The_week_shows_every_figure_exactly()
    {
        var d = await DashboardAsync(DashboardPeriod.Week);

        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 1)), (d.From, d.To));
        Assert.Equal(7, d.Made);
        Assert.Equal((4, 1, 1, 1), (d.Completed, d.Cancelled, d.NoShows, d.AwaitingMark));
        Assert.Equal((2, 3), (d.NewUsers, d.ActiveUsers));
        Assert.Equal([new GetDashboard.Money("RUB", 7500m), new GetDashboard.Money("EUR", 40.50m)], d.Revenue);
        Assert.Equal([new GetDashboard.Money("RUB", 5000m)], d.Expected);
        Assert.Equal(new DateOnly(2026, 12, 7), d.ExpectedUntil);
        Assert.Equal((4.5, 2), (d.AverageRating, d.Reviews));

        // 60 + 60 + 90 + 60 + 60 + 60 booked, plus 30 of a visit running past the special day's 14:00 closing.
        Assert.Equal(new Occupancy.Minutes(420, 2760), d.Load);
        Assert.Equal([new GetDashboard.TopClient(1, "Client 1", 2), new GetDashboard.TopClient(2, "Client 2", 1), new GetDashboard.TopClient(4, "Client 4", 1)], d.TopClients);
        Assert.Equal([GetDashboard.Advice.LowLoad], d.Advice);
    }

    [StorageFact]
    public async Task Deposits_paid_in_the_period_are_summed_and_one_owed_back_is_not()
    {
        Assert.Empty((await DashboardAsync(DashboardPeriod.Week)).Prepaid);
        await _world.InDbAsync(async db =>
        {
            var service = await db.Services.FindAsync(_world.ServiceId);
            var now = Now.UtcDateTime;
            var paid = Domain.Booking.Hold(1, service!, 500m, Moscow(12, 20, 10), now.AddMinutes(10), now);
            paid.ConfirmPaid(new Payment("charge-1", "provider-1", 500m, "RUB"), new NotificationPlan([], 120), now);
            var tooLate = Domain.Booking.Hold(2, service!, 700m, Moscow(12, 20, 12), now.AddMinutes(10), now);
            tooLate.ReleaseHold(now);
            tooLate.OweRefund(new Payment("charge-2", "provider-2", 700m, "RUB"), now);
            db.Bookings.AddRange(paid, tooLate);
            await db.SaveChangesAsync();
        });

        Assert.Equal([new GetDashboard.Money("RUB", 500m)], (await DashboardAsync(DashboardPeriod.Week)).Prepaid);
        Assert.Equal([new GetDashboard.Money("RUB", 500m)], (await DashboardAsync(DashboardPeriod.Today)).Prepaid);
    }

    [StorageFact]
    public async Task Today_counts_only_todays_visits_and_expects_the_rest_of_the_day()
    {
        var d = await DashboardAsync(DashboardPeriod.Today);

        Assert.Equal((1, 0, 0, 0, 0), (d.Made, d.Completed, d.Cancelled, d.NoShows, d.AwaitingMark));
        Assert.Equal([new GetDashboard.Money("RUB", 2500m)], d.Expected);
        Assert.Empty(d.Revenue);
        Assert.Equal(new Occupancy.Minutes(60, 540), d.Load);
        Assert.Equal((null, 0), (d.AverageRating, d.Reviews));
        Assert.Equal((0, 1), (d.NewUsers, d.ActiveUsers));
    }

    [StorageFact]
    public async Task All_time_reaches_back_to_the_first_user_and_expects_every_future_booking()
    {
        var d = await DashboardAsync(DashboardPeriod.AllTime);

        Assert.Equal(new DateOnly(2026, 11, 1), d.From);
        Assert.Equal(5, d.Completed);
        Assert.Equal([new GetDashboard.Money("RUB", 10000m), new GetDashboard.Money("EUR", 40.50m)], d.Revenue);
        Assert.Equal([new GetDashboard.Money("RUB", 5000m), new GetDashboard.Money("EUR", 40.50m)], d.Expected);
        Assert.Null(d.ExpectedUntil);
        Assert.Equal((11.0 / 3, 3), (d.AverageRating, d.Reviews));
        Assert.Equal(new GetDashboard.TopClient(1, "Client 1", 2), d.TopClients[0]);
    }

    [StorageTheory]
    [InlineData(300, 1000, 10, 10, 0, 0, "")]
    [InlineData(299, 1000, 10, 10, 0, 0, "LowLoad")]
    [InlineData(0, 0, 0, 0, 0, 0, "")]
    [InlineData(500, 1000, 15, 10, 3, 0, "ManyCancellations")]
    [InlineData(500, 1000, 20, 10, 3, 0, "")]
    [InlineData(500, 1000, 7, 2, 3, 2, "ManyCancellations,ManyNoShows")]
    [InlineData(500, 1000, 30, 19, 0, 1, "")]
    [InlineData(500, 1000, 30, 18, 0, 2, "ManyNoShows")]
    public void Recommendations_follow_the_thresholds(long booked, long open, int visits, int completed, int cancelled, int noShows, string expected)
    {
        var advice = GetDashboard.Handler.Advise(new Occupancy.Minutes(booked, open), visits, completed, cancelled, noShows);
        Assert.Equal(expected, string.Join(",", advice));
    }

    private async Task SeedAsync(Booking.Core.Data.BookingDb db)
    {
        var massage = await db.Services.FindAsync(_world.ServiceId);
        var coaching = new Service("Coaching", null, 90, 40.50m, "EUR", 1);
        db.Services.Add(coaching);
        AddClient(db, 1, Moscow(11, 1, 12), Moscow(11, 30, 12));
        AddClient(db, 2, Moscow(11, 26, 12), Moscow(11, 28, 12));
        AddClient(db, 3, Moscow(11, 5, 12), Moscow(11, 10, 12));
        AddClient(db, 4, Moscow(11, 29, 12), Moscow(12, 1, 8, 30));
        AddClient(db, Owner, Moscow(11, 27, 12), Moscow(12, 1, 8));
        db.Admins.Add(new Admin(Owner, AdminRole.SuperAdmin, Owner, Moscow(11, 27, 12)));
        db.SpecialDays.Add(SpecialDay.SpecialHours(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), new TimeOnly(14, 0)));
        db.SpecialDays.Add(SpecialDay.Closed(new DateOnly(2026, 11, 29)));
        db.Blocks.Add(new Block(Moscow(11, 30, 9), Moscow(11, 30, 12), "repair", Owner, Moscow(11, 20, 9)));
        await db.SaveChangesAsync();

        var b1 = Book(db, 1, massage!, Moscow(11, 25, 10), Moscow(11, 20, 9), BookingStatus.Completed);
        Book(db, 1, massage!, Moscow(11, 27, 10), Moscow(11, 24, 9), BookingStatus.Completed);
        var b3 = Book(db, 2, coaching, Moscow(11, 27, 12), Moscow(11, 26, 9), BookingStatus.Completed);
        Book(db, 2, massage!, Moscow(11, 28, 11), Moscow(11, 25, 9), BookingStatus.NoShow);
        Book(db, 3, massage!, Moscow(11, 26, 10), Moscow(11, 25, 9), BookingStatus.Cancelled);
        Book(db, 4, massage!, Moscow(11, 30, 13), Moscow(11, 29, 9), BookingStatus.Confirmed);
        Book(db, 1, massage!, Moscow(12, 1, 15), Moscow(11, 30, 9), BookingStatus.Confirmed);
        Book(db, 4, massage!, Moscow(12, 3, 10), Moscow(12, 1, 8, 30), BookingStatus.Confirmed);
        Book(db, 2, coaching, Moscow(12, 8, 10), Moscow(11, 28, 9), BookingStatus.Confirmed);
        var b10 = Book(db, 3, massage!, Moscow(11, 10, 10), Moscow(11, 5, 9), BookingStatus.Completed);
        Book(db, 4, massage!, Moscow(11, 26, 13, 30), Moscow(11, 20, 9), BookingStatus.Completed);
        await db.SaveChangesAsync();

        db.Reviews.Add(new Review(b1.Id, 1, 5, Moscow(11, 25, 14)));
        db.Reviews.Add(new Review(b3.Id, 2, 4, Moscow(11, 27, 16)));
        db.Reviews.Add(new Review(b10.Id, 3, 2, Moscow(11, 10, 14)));
        await db.SaveChangesAsync();
    }

    private static void AddClient(Booking.Core.Data.BookingDb db, long id, DateTime firstSeen, DateTime lastSeen)
    {
        var client = new Client(id, "Client " + id, null, null, "ru", firstSeen);
        client.Seen("Client " + id, null, null, null, lastSeen);
        db.Clients.Add(client);
    }

    private static Domain.Booking Book(Booking.Core.Data.BookingDb db, long client, Service service, DateTime start, DateTime created, BookingStatus status)
    {
        var booking = Domain.Booking.Create(client, service, start, Actor.Client, client, new NotificationPlan([], 120), created);
        switch (status)
        {
            case BookingStatus.Completed:
                booking.MarkCompleted(Actor.Admin, Owner, start.AddHours(2));
                break;
            case BookingStatus.NoShow:
                booking.MarkNoShow(Actor.Admin, Owner, start.AddHours(2));
                break;
            case BookingStatus.Cancelled:
                booking.Cancel(Actor.Client, client, null, created.AddHours(1));
                break;
        }

        db.Bookings.Add(booking);
        return booking;
    }
}

public sealed class GetDashboardOnSqlite() : GetDashboardTests(Storage.Sqlite);

public sealed class GetDashboardOnPostgres() : GetDashboardTests(Storage.Postgres), IRunsOnPostgres;
