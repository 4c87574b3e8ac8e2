using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>C1: records who is talking to the bot; every update passes through here first.</summary>
public static class RegisterClient
{
    public sealed record Request(long Id, string FirstName, string? LastName, string? Username, string? LanguageCode);

    public sealed record Result(Client Client, bool IsNew);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        // Compiled once per model (CompiledQuery): it runs on every update (see ScheduleReader on why).
        private static readonly CompiledQuery<Func<BookingDb, long, CancellationToken, Task<Client?>>> ClientQuery = new(() =>
            EF.CompileAsyncQuery((BookingDb db, long id, CancellationToken ct) => db.Clients.SingleOrDefault(c => c.Id == id)));

        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var client = await ClientQuery.For(db)(db, request.Id, ct);
            if (client is null)
            {
                client = new Client(request.Id, request.FirstName, request.LastName, request.Username, Languages.Normalize(request.LanguageCode), nowUtc);
                db.Clients.Add(client);
                return new Result(client, true);
            }

            client.Seen(request.FirstName, request.LastName, request.Username, request.LanguageCode, nowUtc);
            return new Result(client, false);
        }
    }
}

/// <summary>C1: what a returning client is greeted with.</summary>
public static class GetClientSummary
{
    public sealed record Result(int Visits, int Upcoming, double? AverageRating);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long clientId, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var visits = await db.Bookings.CountAsync(
                b => b.ClientId == clientId && (b.Status == BookingStatus.Completed || (b.Status == BookingStatus.Confirmed && b.EndUtc <= nowUtc)), ct);
            var upcoming = await db.Bookings.CountAsync(
                b => b.ClientId == clientId && b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc, ct);

            var rating = await db.Reviews.Where(r => r.ClientId == clientId).Select(r => (double?)r.Rating).AverageAsync(ct);
            return new Result(visits, upcoming, rating);
        }
    }
}
