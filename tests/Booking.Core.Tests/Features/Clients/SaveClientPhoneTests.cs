using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;
using static Booking.Core.Tests.CoreWorld;

namespace Booking.Core.Tests.Features.Clients;

/// <summary>C11: a shared phone is stored only when it is the sender's own, and only first-time clients are asked for one.</summary>
public abstract class SaveClientPhoneTests(Storage storage) : IAsyncLifetime
{
    private const long Anna = 1;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CreateAsync(storage);
        await _world.AddClientsAsync(Anna, 2);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<SaveClientPhone.Result> SaveAsync(long? contactUserId, string? phone) =>
        _world.RunAsync<SaveClientPhone.Handler, SaveClientPhone.Result>(h => h.HandleAsync(new SaveClientPhone.Request(Anna, contactUserId, phone), default));

    private Task<string?> StoredPhoneAsync() => _world.InDbAsync(db => db.Clients.Where(c => c.Id == Anna).Select(c => c.Phone).SingleAsync());

    private Task<PhoneRequest> AskAsync() => _world.RunAsync<AskForPhone.Handler, PhoneRequest>(h => h.HandleAsync(Anna, default));

    private Task SetModeAsync(PhoneRequest mode) => _world.InDbAsync(async db =>
    {
        (await db.Settings.SingleAsync()).PhoneRequest = mode;
        await db.SaveChangesAsync();
    });

    [StorageFact]
    public async Task The_senders_own_contact_is_stored_in_international_form()
    {
        var result = await SaveAsync(Anna, "79161234567");

        Assert.Equal((SaveClientPhone.Outcome.Saved, "+79161234567"), (result.Outcome, result.Phone));
        Assert.Equal("+79161234567", await StoredPhoneAsync());
    }

    [StorageFact]
    public async Task Someone_elses_contact_or_one_without_a_user_is_refused_and_nothing_is_stored()
    {
        Assert.Equal(SaveClientPhone.Outcome.NotOwnContact, (await SaveAsync(2, "+79990000000")).Outcome);
        Assert.Equal(SaveClientPhone.Outcome.NotOwnContact, (await SaveAsync(null, "+79990000000")).Outcome);
        Assert.Equal(SaveClientPhone.Outcome.Invalid, (await SaveAsync(Anna, "call me")).Outcome);

        Assert.Null(await StoredPhoneAsync());
    }

    [StorageFact]
    public async Task Nobody_is_asked_while_the_setting_is_off_which_is_the_default()
    {
        Assert.Equal(PhoneRequest.Off, await _world.InDbAsync(async db => (await db.Settings.SingleAsync()).PhoneRequest));
        Assert.Equal(PhoneRequest.Off, await AskAsync());
    }

    [StorageFact]
    public async Task Only_a_first_time_client_without_a_phone_is_asked()
    {
        await SetModeAsync(PhoneRequest.Required);
        Assert.Equal(PhoneRequest.Required, await AskAsync());
        await SetModeAsync(PhoneRequest.Optional);
        Assert.Equal(PhoneRequest.Optional, await AskAsync());

        var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(Anna, _world.ServiceId, Moscow(12, 3, 10)), default));
        await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(Anna, booked.Booking!.Id), default));
        Assert.Equal(PhoneRequest.Off, await AskAsync()); // booked once, even if cancelled: not a first booking

        await _world.InDbAsync(db => db.Bookings.ExecuteDeleteAsync());
        await SaveAsync(Anna, "+79161234567");
        Assert.Equal(PhoneRequest.Off, await AskAsync());
    }
}

public sealed class SaveClientPhoneOnSqlite() : SaveClientPhoneTests(Storage.Sqlite);

public sealed class SaveClientPhoneOnPostgres() : SaveClientPhoneTests(Storage.Postgres), IRunsOnPostgres;

/// <summary>C11: the pure rules — phone numbers from Telegram, and a stand-in that no update can write a name onto.</summary>
public sealed class PersonalDataRulesTests
{
    [Theory]
    [InlineData("79161234567", "+79161234567")]
    [InlineData("+79161234567", "+79161234567")]
    [InlineData("+7 (916) 123-45-67", "+79161234567")]
    [InlineData("44.20.7946.0958", "+442079460958")]
    [InlineData("", null)]
    [InlineData("+", null)]
    [InlineData("123", null)]
    [InlineData("123456789012345678901", null)]
    [InlineData("+7916<b>", null)]
    [InlineData("7916+1234", null)]
    public void Telegram_phone_numbers_are_normalized_or_refused(string raw, string? expected) =>
        Assert.Equal(expected, SaveClientPhone.Normalize(raw));

    [Fact]
    public void A_stand_in_keeps_no_details_and_telegram_names_never_reach_it()
    {
        var person = new Client(5, "Анна", "Петрова", "anna_p", "en", Now.UtcDateTime.AddDays(-3));
        person.ChangePhone("+79161234567");
        var standIn = Client.StandInFor(person, -4, Now.UtcDateTime);

        standIn.Seen("Анна", "Петрова", "anna_p", "en", Now.UtcDateTime.AddDays(1));

        Assert.Equal(("👤 #4", null, null, null), (standIn.FirstName, standIn.LastName, standIn.Username, standIn.Phone));
        Assert.Equal((Languages.Default, Now.UtcDateTime.AddDays(-3), Now.UtcDateTime.AddDays(-3)), (standIn.Language, standIn.FirstSeenUtc, standIn.LastSeenUtc));
        Assert.True(standIn.IsErased);
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.StandInFor(person, 5, Now.UtcDateTime));
    }
}
