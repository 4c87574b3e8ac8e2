using Booking.Bot.Receiving;
using Booking.Core.Features.Maintenance;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>P9 on demand: "back up now" from the admin panel, with the outcome and the latest backups.</summary>
public sealed class BackupScreen(Replies replies, IServiceProvider services)
{
    public const int Shown = 5;

    public async Task RunAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var markup = new InlineKeyboardMarkup([[AdminPanel.BackButton(t)]]);

        // Only a SQLite deployment registers the backup feature; PostgreSQL is backed up with pg_dump.
        if (services.GetService(typeof(BackupDatabase.Handler)) is not BackupDatabase.Handler backups)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["backup.unavailable"], markup, ct);
            return;
        }

        ctx.Reply.Toast(t["backup.started"]);
        var result = await backups.HandleAsync(ct);
        var text = result.Outcome == BackupDatabase.Outcome.Created
            ? t.Format("backup.created", ("file", Path.GetFileName(result.Backup!.Path)), ("size", Megabytes(result.Backup.Bytes)),
                ("seconds", result.Took.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))
            : t.Format("backup.failed", ("problem", result.Problem));
        var recent = backups.List().Take(Shown)
            .Select(b => t.Format("backup.item", ("when", ctx.Formats.DateTime(b.TakenUtc)), ("size", Megabytes(b.Bytes))));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text + "\n\n" + t["backup.recent"] + "\n" + string.Join("\n", recent), markup, ct);
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
