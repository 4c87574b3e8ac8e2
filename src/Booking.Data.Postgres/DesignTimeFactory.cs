using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Booking.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a server or the bot.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BookingDb>
{
    public BookingDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BookingDb>();
        PostgresStorage.Configure(options, "Host=localhost;Database=bookingbot;Username=postgres");
        return new BookingDb(options.Options);
    }
}
