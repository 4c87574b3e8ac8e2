using Booking.Core.Conversation;
using Booking.Core.Data;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Analytics;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Blocks;
using Booking.Core.Features.Broadcasts;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Clients;
using Booking.Core.Features.Editor;
using Booking.Core.Features.Export;
using Booking.Core.Features.Notifications;
using Booking.Core.Features.Panel;
using Booking.Core.Features.Reviews;
using Booking.Core.Features.Services;
using Booking.Core.Features.Settings;
using Booking.Core.Features.Texts;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the core features; the host adds the DbContext for its provider.</summary>
    public static IServiceCollection AddBookingCore(this IServiceCollection services, BookingCoreOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new Owners(options.OwnerIds));
        services.AddScoped<WriteGate>();
        services.AddScoped<ChatLock>();
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
        services.AddScoped<ShowMyData.Handler>();
        services.AddScoped<ForgetClient.Handler>();
        services.AddScoped<SaveClientPhone.Handler>();
        services.AddScoped<AskForPhone.Handler>();
        services.AddScoped<ListServices.Handler>();
        services.AddScoped<ConfirmAttendance.Handler>();
        services.AddScoped<MassEditDay.Handler>();
        services.AddScoped<ClaimDueNotifications.Handler>();
        services.AddScoped<NotificationOutcomes>();
        services.AddScoped<SubmitReview.Handler>();
        services.AddScoped<AddReviewComment.Handler>();
        services.AddScoped<Ratings>();
        services.AddScoped<AccessControl>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ManageAdmins.Handler>();
        services.AddScoped<ListAllServices.Handler>();
        services.AddScoped<CreateService.Handler>();
        services.AddScoped<EditService.Handler>();
        services.AddScoped<MoveService.Handler>();
        services.AddScoped<DeleteService.Handler>();
        services.AddScoped<BlockTime.Handler>();
        services.AddScoped<UnblockTime.Handler>();
        services.AddScoped<ListBlocks.Handler>();
        services.AddScoped<GetDashboard.Handler>();
        services.AddScoped<GetDaySchedule.Handler>();
        services.AddScoped<GetBookingCard.Handler>();
        services.AddScoped<MarkAttendance.Handler>();
        services.AddScoped<CancelByAdmin.Handler>();
        services.AddScoped<MoveByAdmin.Handler>();
        services.AddScoped<ListAuditEntries.Handler>();
        services.AddScoped<ExportBookings.Handler>();
        services.AddScoped<ExportClients.Handler>();
        services.AddScoped<ExportAuditLog.Handler>();
        services.AddScoped<GetSettings.Handler>();
        services.AddScoped<ChangeSetting.Handler>();
        services.AddScoped<SetWorkingHours.Handler>();
        services.AddScoped<SetSpecialDay.Handler>();
        services.AddScoped<RemoveSpecialDay.Handler>();
        services.AddScoped<SelectAudience.Handler>();
        services.AddScoped<CreateBroadcast.Handler>();
        services.AddScoped<ClaimBroadcastRecipients.Handler>();
        services.AddScoped<BroadcastOutcomes>();
        services.AddSingleton<TextOverrideCache>();
        services.AddScoped<EditTexts.Handler>();
        services.AddScoped<EditField.Handler>();
        services.AddScoped<IssuePanelLogin.Handler>();
        services.AddScoped<RedeemPanelLogin.Handler>();
        services.AddScoped<ListBookings.Handler>();
        services.AddScoped<GetDailyFigures.Handler>();
        services.AddScoped<GetBookingsVersion.Handler>();
        return services;
    }
}
