using Booking.Core.Domain;
using Booking.Core.Features.Analytics;
using Booking.Core.Features.Bookings;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>X1: the web panel's bookings table, its daily chart figures and the bookings watermark.</summary>
public sealed class ListBookingsTests : IAsyncLifetime
{
    private const long AdminId = 50;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync();
        await _world.AddClientsAsync(1, 2, AdminId);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long clientId, DateTime startUtc) =>
        (await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(clientId, _world.ServiceId, startUtc), default))).Booking!.Id;

    private Task<ListBookings.Result> ListAsync(ListBookings.Request request) =>
        _world.RunAsync<ListBookings.Handler, ListBookings.Result>(h => h.HandleAsync(request, default));

    private Task<long> VersionAsync() => _world.RunAsync<GetBookingsVersion.Handler, long>(h => h.HandleAsync(default));

    [Fact]
    public async Task Filters_by_local_days_status_and_client_and_the_watermark_moves_with_every_change()
    {
        Assert.Equal(0, await VersionAsync());
        var a = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        var b = await BookAsync(2, CoreWorld.Moscow(12, 3, 17));
        var afterBooking = await VersionAsync();
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, a, "ill"), default));
        Assert.True(await VersionAsync() > afterBooking);

        var all = await ListAsync(new ListBookings.Request(null, null, null, null, null));
        Assert.Equal([a, b], all.Lines.Select(l => l.BookingId));
        Assert.Equal("ill", all.Lines[0].CancelReason);

        var day = await ListAsync(new ListBookings.Request(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), null, null, null));
        Assert.Equal([b], day.Lines.Select(l => l.BookingId));
        var cancelled = await ListAsync(new ListBookings.Request(null, null, BookingStatus.Cancelled, null, null));
        Assert.Equal([a], cancelled.Lines.Select(l => l.BookingId));
        var byId = await ListAsync(new ListBookings.Request(null, null, null, null, "2"));
        Assert.Equal([b], byId.Lines.Select(l => l.BookingId));
        var nobody = await ListAsync(new ListBookings.Request(null, null, null, _world.ServiceId + 100, null));
        Assert.Empty(nobody.Lines);
    }

    [Fact]
    public async Task Daily_figures_count_each_local_day_with_cancellations_apart_and_load_from_open_time()
    {
        await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        var cancelled = await BookAsync(2, CoreWorld.Moscow(12, 2, 12));
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, cancelled, null), default));

        var figures = await _world.RunAsync<GetDailyFigures.Handler, GetDailyFigures.Result>(h => h.HandleAsync(3, 2, default));

        Assert.Equal(new DateOnly(2026, 12, 1), figures.Today);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 11, 29).AddDays(i)), figures.Days.Select(d => d.Date));
        var wednesday = figures.Days.Single(d => d.Date == new DateOnly(2026, 12, 2));
        Assert.Equal((1, 1, 0m), (wednesday.Visits, wednesday.Cancelled, wednesday.Revenue));
        Assert.NotNull(wednesday.Load);
        Assert.InRange(wednesday.Load!.Value, 0.01, 0.5);
        Assert.All(figures.Days.Where(d => d.Date != wednesday.Date), d => Assert.Equal(0, d.Visits));
    }
}
