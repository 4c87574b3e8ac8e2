using Booking.Core.Data;
using Booking.Core.Features.Maintenance;
using Booking.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Booking.Web.Tests.Configuration;

/// <summary>The host built for PostgreSQL (not started, so no server is needed): storage wired, SQLite-only parts left out.</summary>
public sealed class PostgresHostTests
{
    [Fact]
    public async Task A_postgres_url_builds_the_host_on_npgsql_without_backups_or_a_file_lock()
    {
        var (app, errors) = BotApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BOT_TOKEN"] = "123456:TEST",
            ["DATABASE_URL"] = "postgres://bot:secret@127.0.0.1:5432/bookingbot",
        }));

        Assert.Empty(errors);
        await using var built = Assert.IsType<WebApplication>(app);
        await using var scope = built.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        Assert.True(db.IsPostgres);
        Assert.Contains("Database=bookingbot", db.Database.GetConnectionString(), StringComparison.Ordinal);
        Assert.Null(scope.ServiceProvider.GetService<BackupDatabase.Handler>());
        Assert.DoesNotContain(built.Services.GetServices<IHostedService>(), s => s is BackupJob or DatabaseLockHolder);
    }

    [Fact]
    public void A_malformed_postgres_connection_string_is_one_clear_configuration_error()
    {
        var (app, errors) = BotApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BOT_TOKEN"] = "123456:TEST",
            ["DATABASE_URL"] = "Host=127.0.0.1;NoSuchSetting=1",
        }));

        Assert.Null(app);
        Assert.StartsWith("DATABASE_URL is not a usable PostgreSQL URL or connection string", Assert.Single(errors), StringComparison.Ordinal);
    }
}
