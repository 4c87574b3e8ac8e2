using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Data;

/// <summary>
/// How the host gets its <see cref="BookingDb"/>: one per scope (an update, a request, a worker's round), taken from a
/// pool. A fresh context builds its options and EF's own service scope (some fifty internal services) again every time,
/// which was a fifth of what an update allocated; a pooled one keeps them and is reset when it goes back (ADR 0027).
/// </summary>
public static class BookingDbRegistration
{
    /// <summary>
    /// Enough for every update the chat lanes run at once, the workers and the web panel; more contexts than this are
    /// still created when needed, but not kept.
    /// </summary>
    public const int PoolSize = 128;

    public static IServiceCollection AddBookingDb(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.AddPooledDbContextFactory<BookingDb>(configure, PoolSize);
        services.AddScoped(scope => scope.GetRequiredService<IDbContextFactory<BookingDb>>().CreateDbContext()
            .ForScope(scope.GetRequiredService<TimeProvider>()));
        return services;
    }
}
