using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Booking.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the bot.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BookingDb>
{
    public BookingDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(options, "Data Source=design.db");
        return new BookingDb(options.Options);
    }
}
