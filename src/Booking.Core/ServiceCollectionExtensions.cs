using Booking.Core.Conversation;
using Booking.Core.Data;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the core features; the host adds the DbContext for its provider.</summary>
    public static IServiceCollection AddBookingCore(this IServiceCollection services, BookingCoreOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped<WriteGate>();
        services.AddScoped<ScheduleReader>();
        services.AddScoped<ChangeWindow>();
        services.AddScoped<IConversationStore, DbConversationStore>();
        services.AddScoped<GetAvailability.Handler>();
        services.AddScoped<BookSlot.Handler>();
        services.AddScoped<CancelBooking.Handler>();
        services.AddScoped<RescheduleBooking.Handler>();
        services.AddScoped<ListClientBookings.Handler>();
        services.AddScoped<RegisterClient.Handler>();
        services.AddScoped<MarkClientBlocked.Handler>();
        services.AddScoped<GetClientSummary.Handler>();
        services.AddScoped<ListServices.Handler>();
        return services;
    }
}
