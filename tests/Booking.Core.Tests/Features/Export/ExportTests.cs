using System.Text;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Export;

namespace Booking.Core.Tests.Features.Export;

/// <summary>A13: CSV that Excel opens as intended — BOM, quoting, local times, and no formulas from clients' names.</summary>
public abstract class ExportTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.InDbAsync(async db =>
        {
            db.Clients.Add(new Client(1, "Анна, \"Солнце\"", "Иванова", "anna", "ru", CoreWorld.Moscow(11, 21, 1, 30)));
            db.Clients.Add(new Client(2, "=HYPERLINK(\"x\")", null, null, "en", CoreWorld.Moscow(11, 21, 10)));
            await db.SaveChangesAsync();
        });
        var booking = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 10)), default));
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(
            h => h.HandleAsync(new CancelByAdmin.Request(50, booking.Booking!.Id, "ремонт\nводы"), default));
        await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, CoreWorld.Moscow(12, 3, 17)), default));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static string[] Lines(ExportFile file)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content.Take(3));
        return Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3).Split("\r\n");
    }

    [StorageFact]
    public async Task Bookings_are_quoted_where_needed_and_shown_in_the_business_zone()
    {
        var file = await _world.RunAsync<ExportBookings.Handler, ExportFile>(h => h.HandleAsync(default));

        var lines = Lines(file);
        Assert.Equal(("bookings.csv", 2), (file.FileName, file.Rows));
        Assert.Equal("id,start,end,duration_min,service,price,currency,status,client_id,client_first_name,client_last_name,client_username,client_phone,created,attendance_confirmed,cancel_reason,deposit_paid,refund_due,refunded,payment_id", lines[0]);
        Assert.Equal("1,2026-12-02 10:00,2026-12-02 11:00,60,Massage,2500.00,RUB,Cancelled,1,\"Анна, \"\"Солнце\"\"\",Иванова,anna,,2026-12-01 09:00,,\"ремонт\nводы\",,no,,", lines[1]);
        Assert.StartsWith("2,2026-12-03 17:00,2026-12-03 18:00,60,Massage,2500.00,RUB,Confirmed,", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[3]);
    }

    [StorageFact]
    public async Task Clients_carry_their_booking_record_and_a_formula_name_stays_text()
    {
        var file = await _world.RunAsync<ExportClients.Handler, ExportFile>(h => h.HandleAsync(default));

        var lines = Lines(file);
        Assert.Equal(("clients.csv", 2), (file.FileName, file.Rows));
        Assert.Equal("id,first_name,last_name,username,phone,language,first_seen,last_seen,bookings,completed,no_shows,cancelled,blocked_bot", lines[0]);
        Assert.Equal("1,\"Анна, \"\"Солнце\"\"\",Иванова,anna,,ru,2026-11-21 01:30,2026-11-21 01:30,2,0,0,1,no", lines[1]);
        Assert.Equal("2,\"'=HYPERLINK(\"\"x\"\")\",,,,en,2026-11-21 10:00,2026-11-21 10:00,0,0,0,0,no", lines[2]);
    }
}

public sealed class ExportOnSqlite() : ExportTests(Storage.Sqlite);

public sealed class ExportOnPostgres() : ExportTests(Storage.Postgres), IRunsOnPostgres;
