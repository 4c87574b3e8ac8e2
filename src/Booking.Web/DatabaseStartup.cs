using Booking.Core.Data;
using Booking.Core.Features.Texts;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web;

/// <summary>
/// Applies migrations and seeds a new database before anything else in the host starts (P2), then loads the admins'
/// text overrides, so the very first message already uses them.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
        await DatabaseSeeder.SeedAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<TextOverrideCache>().ReloadAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
