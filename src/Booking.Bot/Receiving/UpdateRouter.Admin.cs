using Booking.Bot.Callbacks;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;

namespace Booking.Bot.Receiving;

/// <summary>The admin half of the router: every admin button, already past the permission gate, and typed answers.</summary>
public sealed partial class UpdateRouter
{
    private Task RouteAdminAsync(UpdateContext ctx, AdminCallback callback, CancellationToken ct) => callback switch
    {
        OpenAdminPanel => adminPanel.Value.ShowAsync(ctx, ct),
        ListAdmins => admins.Value.ListAsync(ctx, null, ct),
        ViewAdmin c => admins.Value.ViewAsync(ctx, c.UserId, ct),
        SetAdminRole c => admins.Value.SetRoleAsync(ctx, c, ct),
        AskRemoveAdmin c => admins.Value.AskRemoveAsync(ctx, c.UserId, ct),
        RemoveAdmin c => admins.Value.RemoveAsync(ctx, c.UserId, ct),
        StartAddAdmin => admins.Value.StartAddAsync(ctx, ct),
        AddAdmin c => admins.Value.AddAsync(ctx, c, ct),
        RunBackup => adminPanel.Value.BackupAsync(ctx, ct),
        OpenCalendarFeed => calendarFeeds.Value.ShowAsync(ctx, ct),
        NewCalendarFeed => calendarFeeds.Value.CreateAsync(ctx, ct),
        RevokeCalendarFeed => calendarFeeds.Value.RevokeAsync(ctx, ct),
        MassEditDayPick c => massEdit.Value.ShowAsync(ctx, c.Date, null, ct),
        MassShift c => massEdit.Value.ShiftAsync(ctx, c, ct),
        MassService c => massEdit.Value.ServiceAsync(ctx, c, ct),
        MassCancel c => massEdit.Value.CancelAsync(ctx, c, ct),
        AdminServices => services.Value.ListAsync(ctx, null, ct),
        AdminService c => services.Value.ViewAsync(ctx, c.ServiceId, null, ct),
        NewServiceStart => serviceWizard.Value.StartCreateAsync(ctx, ct),
        ServiceFieldEdit c => serviceWizard.Value.StartEditAsync(ctx, c, ct),
        ServiceDescriptionSkip => serviceWizard.Value.PickAsync(ctx, 'd', 0, ct),
        ServiceDurationPick c => serviceWizard.Value.PickAsync(ctx, 'm', c.Minutes, ct),
        ServiceIntervalPick c => serviceWizard.Value.PickAsync(ctx, 'i', c.Minutes, ct),
        ServiceToggle c => services.Value.ToggleAsync(ctx, c.ServiceId, ct),
        ServiceMove c => services.Value.MoveAsync(ctx, c, ct),
        ServiceDeleteAsk c => services.Value.AskDeleteAsync(ctx, c.ServiceId, ct),
        ServiceDeleteConfirm c => services.Value.DeleteAsync(ctx, c.ServiceId, ct),
        AdminBlocks => blocks.Value.ListAsync(ctx, null, ct),
        BlockStart c => blockWizard.Value.StartAsync(ctx, c.Kind, ct),
        BlockLengthPick c => blockWizard.Value.LengthAsync(ctx, c.Minutes, ct),
        BlockReasonSkip => blockWizard.Value.SkipReasonAsync(ctx, ct),
        BlockConfirm => blockWizard.Value.ConfirmAsync(ctx, ct),
        BlockRemove c => blocks.Value.RemoveAsync(ctx, c.BlockId, ct),
        ShowDashboard c => dashboard.Value.ShowAsync(ctx, c.Period, ct),
        ShowSchedule c => schedule.Value.DayAsync(ctx, c.Date, ct),
        ViewBooking c => schedule.Value.CardAsync(ctx, c.BookingId, null, ct),
        MarkVisit c => schedule.Value.MarkAsync(ctx, c, ct),
        MarkRefund c => schedule.Value.MarkRefundedAsync(ctx, c.BookingId, ct),
        AskAdminCancel c => bookingActions.Value.AskCancelAsync(ctx, c.BookingId, ct),
        AdminCancel c => bookingActions.Value.CancelAsync(ctx, c.BookingId, null, ct),
        StartMessageClient c => bookingActions.Value.StartMessageAsync(ctx, c.BookingId, ct),
        AdminMoveCallback c => moves.Value.RouteAsync(ctx, c, ct),
        AdminBookCallback c => bookForClient.Value.RouteAsync(ctx, c, ct),
        ShowAudit c => audit.Value.ShowAsync(ctx, c, ct),
        PickAuditActor c => audit.Value.PickActorAsync(ctx, c.Action, ct),
        PickAuditAction c => audit.Value.PickActionAsync(ctx, c.ActorId, ct),
        ExportAudit c => audit.Value.ExportAsync(ctx, c, ct),
        OpenExports => exports.Value.ShowAsync(ctx, ct),
        RunExport c => exports.Value.RunAsync(ctx, c, ct),
        OpenSettings => settings.Value.ShowAsync(ctx, null, ct),
        SettingsCallback c => settings.Value.RouteAsync(ctx, c, ct),
        StartBroadcast => broadcasts.Value.StartAsync(ctx, ct),
        PickBroadcastAudience c => broadcasts.Value.PickAudienceAsync(ctx, c.Audience, ct),
        ChangeBroadcastAudience => broadcasts.Value.ChangeAudienceAsync(ctx, ct),
        ConfirmBroadcast => broadcasts.Value.ConfirmAsync(ctx, ct),
        CancelBroadcast => broadcasts.Value.CancelAsync(ctx, ct),
        TextCategories => textScreens.Value.CategoriesAsync(ctx, null, ct),
        TextCategoryPage c => textScreens.Value.CategoryAsync(ctx, c, ct),
        ViewText c => textScreens.Value.KeyAsync(ctx, c.KeyId, null, ct),
        EditText c => textEditor.Value.StartAsync(ctx, c, ct),
        SaveText c => textEditor.Value.SaveAsync(ctx, c, ct),
        AskResetText c => textScreens.Value.AskResetAsync(ctx, c, ct),
        ResetText c => textScreens.Value.ResetAsync(ctx, c, ct),
        EditorCallback c => fieldEditor.Value.RouteAsync(ctx, c, ct),
        _ => menu.Value.StaleAsync(ctx, ct),
    };

    /// <summary>Typed answers to a question the bot asked: the phone step's buttons, admin flows only for those still allowed, then a review comment.</summary>
    private async Task<bool> TryAnswerAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        bool May(Permission permission) => Permissions.Allows(ctx.AdminRole, permission);

        return await phone.Value.TryTypedAsync(ctx, text, ct)
            || (May(Permission.ManageAdmins) && await admins.Value.TryTypedIdAsync(ctx, text, ct))
            || (May(Permission.ManageServices) && await serviceWizard.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.ManageSlots) && await blockWizard.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.ManageBookings) && await bookingActions.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.ManageBookings) && await bookForClient.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.ManageSettings) && await settings.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.Broadcast) && await broadcasts.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.EditTexts) && await textEditor.Value.TryTypedAsync(ctx, text, ct))
            || (May(Permission.EditFields) && await fieldEditor.Value.TryTypedAsync(ctx, text, ct))
            || await visits.Value.TryCommentAsync(ctx, text, ct);
    }
}
