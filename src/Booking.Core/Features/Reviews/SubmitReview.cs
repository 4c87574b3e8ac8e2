using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Reviews;

/// <summary>C9: a client rates a visit — one review per booking, only by its owner, only after it took place.</summary>
public static class SubmitReview
{
    public enum Outcome
    {
        Saved = 0,
        AlreadyReviewed = 1,
        NotFound = 2,
        NotYet = 3,
    }

    public sealed record Result(Outcome Outcome, Review? Review = null, Domain.Booking? Booking = null);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long clientId, int bookingId, int rating, CancellationToken ct)
        {
            if (rating is < 1 or > 5)
            {
                return new Result(Outcome.NotFound);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var booking = await db.Bookings.AsNoTracking().Include(b => b.Service)
                .SingleOrDefaultAsync(b => b.Id == bookingId && b.ClientId == clientId, ct);
            if (booking is null || booking.Status is BookingStatus.Cancelled or BookingStatus.NoShow)
            {
                return new Result(Outcome.NotFound);
            }

            if (booking.EndUtc > nowUtc)
            {
                return new Result(Outcome.NotYet, Booking: booking);
            }

            var existing = await db.Reviews.SingleOrDefaultAsync(r => r.BookingId == bookingId, ct);
            if (existing is not null)
            {
                return new Result(Outcome.AlreadyReviewed, existing, booking);
            }

            var review = new Review(bookingId, clientId, rating, nowUtc);
            db.Reviews.Add(review);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two taps raced: the unique index on BookingId kept the first.
                db.Entry(review).State = EntityState.Detached;
                return new Result(Outcome.AlreadyReviewed, await db.Reviews.AsNoTracking().SingleAsync(r => r.BookingId == bookingId, ct), booking);
            }

            return new Result(Outcome.Saved, review, booking);
        }
    }
}

/// <summary>C9: the optional words after the stars.</summary>
public static class AddReviewComment
{
    public sealed record Result(Review Review, Domain.Booking Booking);

    public sealed class Handler(BookingDb db)
    {
        /// <summary>Null when the review is not this client's (or no longer exists).</summary>
        public async Task<Result?> HandleAsync(long clientId, int reviewId, string comment, CancellationToken ct)
        {
            var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.ClientId == clientId, ct);
            if (review is null || string.IsNullOrWhiteSpace(comment))
            {
                return null;
            }

            review.AddComment(comment);
            await db.SaveChangesAsync(ct);
            var booking = await db.Bookings.AsNoTracking().Include(b => b.Service).SingleAsync(b => b.Id == review.BookingId, ct);
            return new Result(review, booking);
        }
    }
}

/// <summary>The business's average rating (C10, A2), and a client's own average given (C1).</summary>
public sealed class Ratings(BookingDb db)
{
    public async Task<(double? Average, int Count)> OverallAsync(CancellationToken ct)
    {
        var count = await db.Reviews.CountAsync(ct);
        return count == 0 ? (null, 0) : (await db.Reviews.AverageAsync(r => (double)r.Rating, ct), count);
    }

    public async Task<double?> GivenByAsync(long clientId, CancellationToken ct) =>
        await db.Reviews.Where(r => r.ClientId == clientId).Select(r => (double?)r.Rating).AverageAsync(ct);
}
