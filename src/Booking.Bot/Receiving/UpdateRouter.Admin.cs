using Booking.Bot.Callbacks;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;

namespace Booking.Bot.Receiving;

/// <summary>The admin half of the router: every admin button, already past the permission gate, and typed answers.</summary>
public sealed partial class UpdateRouter
{
    private Task RouteAdminAsync(UpdateContext ctx, AdminCallback callback, CancellationToken ct) => callback switch
    {
        OpenAdminPanel => adminPanel.ShowAsync(ctx, ct),
        ListAdmins => admins.ListAsync(ctx, null, ct),
        ViewAdmin c => admins.ViewAsync(ctx, c.UserId, ct),
        SetAdminRole c => admins.SetRoleAsync(ctx, c, ct),
        AskRemoveAdmin c => admins.AskRemoveAsync(ctx, c.UserId, ct),
        RemoveAdmin c => admins.RemoveAsync(ctx, c.UserId, ct),
        StartAddAdmin => admins.StartAddAsync(ctx, ct),
        AddAdmin c => admins.AddAsync(ctx, c, ct),
        RunBackup => adminPanel.BackupAsync(ctx, ct),
        OpenCalendarFeed => calendarFeeds.ShowAsync(ctx, ct),
        NewCalendarFeed => calendarFeeds.CreateAsync(ctx, ct),
        RevokeCalendarFeed => calendarFeeds.RevokeAsync(ctx, ct),
        MassEditDayPick c => massEdit.ShowAsync(ctx, c.Date, null, ct),
        MassShift c => massEdit.ShiftAsync(ctx, c, ct),
        MassService c => massEdit.ServiceAsync(ctx, c, ct),
        MassCancel c => massEdit.CancelAsync(ctx, c, ct),
        AdminServices => services.ListAsync(ctx, null, ct),
        AdminService c => services.ViewAsync(ctx, c.ServiceId, null, ct),
        NewServiceStart => serviceWizard.StartCreateAsync(ctx, ct),
        ServiceFieldEdit c => serviceWizard.StartEditAsync(ctx, c, ct),
        ServiceDescriptionSkip => serviceWizard.PickAsync(ctx, 'd', 0, ct),
        ServiceDurationPick c => serviceWizard.PickAsync(ctx, 'm', c.Minutes, ct),
        ServiceIntervalPick c => serviceWizard.PickAsync(ctx, 'i', c.Minutes, ct),
        ServiceToggle c => services.ToggleAsync(ctx, c.ServiceId, ct),
        ServiceMove c => services.MoveAsync(ctx, c, ct),
        ServiceDeleteAsk c => services.AskDeleteAsync(ctx, c.ServiceId, ct),
        ServiceDeleteConfirm c => services.DeleteAsync(ctx, c.ServiceId, ct),
        AdminBlocks => blocks.ListAsync(ctx, null, ct),
        BlockStart c => blockWizard.StartAsync(ctx, c.Kind, ct),
        BlockLengthPick c => blockWizard.LengthAsync(ctx, c.Minutes, ct),
        BlockReasonSkip => blockWizard.SkipReasonAsync(ctx, ct),
        BlockConfirm => blockWizard.ConfirmAsync(ctx, ct),
        BlockRemove c => blocks.RemoveAsync(ctx, c.BlockId, ct),
        ShowDashboard c => dashboard.ShowAsync(ctx, c.Period, ct),
        ShowSchedule c => schedule.DayAsync(ctx, c.Date, ct),
        ViewBooking c => schedule.CardAsync(ctx, c.BookingId, null, ct),
        MarkVisit c => schedule.MarkAsync(ctx, c, ct),
        AskAdminCancel c => bookingActions.AskCancelAsync(ctx, c.BookingId, ct),
        AdminCancel c => bookingActions.CancelAsync(ctx, c.BookingId, null, ct),
        StartMessageClient c => bookingActions.StartMessageAsync(ctx, c.BookingId, ct),
        AdminMoveCallback c => moves.RouteAsync(ctx, c, ct),
        ShowAudit c => audit.ShowAsync(ctx, c, ct),
        PickAuditActor c => audit.PickActorAsync(ctx, c.Action, ct),
        PickAuditAction c => audit.PickActionAsync(ctx, c.ActorId, ct),
        ExportAudit c => audit.ExportAsync(ctx, c, ct),
        OpenExports => exports.ShowAsync(ctx, ct),
        RunExport c => exports.RunAsync(ctx, c, ct),
        OpenSettings => settings.ShowAsync(ctx, null, ct),
        SettingsCallback c => settings.RouteAsync(ctx, c, ct),
        StartBroadcast => broadcasts.StartAsync(ctx, ct),
        PickBroadcastAudience c => broadcasts.PickAudienceAsync(ctx, c.Audience, ct),
        ChangeBroadcastAudience => broadcasts.ChangeAudienceAsync(ctx, ct),
        ConfirmBroadcast => broadcasts.ConfirmAsync(ctx, ct),
        CancelBroadcast => broadcasts.CancelAsync(ctx, ct),
        TextCategories => textScreens.CategoriesAsync(ctx, null, ct),
        TextCategoryPage c => textScreens.CategoryAsync(ctx, c, ct),
        ViewText c => textScreens.KeyAsync(ctx, c.KeyId, null, ct),
        EditText c => textEditor.StartAsync(ctx, c, ct),
        SaveText c => textEditor.SaveAsync(ctx, c, ct),
        AskResetText c => textScreens.AskResetAsync(ctx, c, ct),
        ResetText c => textScreens.ResetAsync(ctx, c, ct),
        EditorCallback c => fieldEditor.RouteAsync(ctx, c, ct),
        _ => menu.StaleAsync(ctx, ct),
    };

    /// <summary>Typed answers to a question the bot asked: the phone step's buttons, admin flows only for those still allowed, then a review comment.</summary>
    private async Task<bool> TryAnswerAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (await phone.TryTypedAsync(ctx, text, ct))
        {
            return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.ManageAdmins) && await admins.TryTypedIdAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.ManageServices) && await serviceWizard.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.ManageSlots) && await blockWizard.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.ManageBookings) && await bookingActions.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.ManageSettings) && await settings.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.Broadcast) && await broadcasts.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.EditTexts) && await textEditor.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        if (Permissions.Allows(ctx.AdminRole, Permission.EditFields) && await fieldEditor.TryTypedAsync(ctx, text, ct))
        {
        return true;
        }

        return await visits.TryCommentAsync(ctx, text, ct);
    }
}
