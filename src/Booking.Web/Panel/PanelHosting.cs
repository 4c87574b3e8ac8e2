using System.Globalization;
using System.Security.Claims;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Availability;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Panel;

/// <summary>
/// X1: the web admin panel under /panel/ — cookie sign-in from a one-time link, the permission gate, antiforgery on
/// every POST, and the pages. See ADR 0017 for the choices.
/// </summary>
public static class PanelHosting
{
    public const string Scheme = "Panel";
    public const string CsrfField = "_csrf";
    public const string SignedInClaim = "panel_signed_in";

    /// <summary>A panel session slides while used, up to this long after sign-in, then a new /web link is needed.</summary>
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromHours(12);

    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(3);

    private const string RoleItem = "panel.role";

    /// <param name="httpsOnly">
    /// PUBLIC_URL is https: the panel is reached through TLS (often a proxy that talks plain HTTP to this host), so its
    /// cookies are Secure whatever the scheme of the request that reaches the host.
    /// </param>
    public static IServiceCollection AddPanel(this IServiceCollection services, bool httpsOnly)
    {
        var secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddDataProtection().SetApplicationName("BookingBot");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DbXmlRepository(scopes));
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = CsrfField;
            o.Cookie.Name = "bookingbot_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "bookingbot_panel";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/panel";
            o.ExpireTimeSpan = SlidingLifetime;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAsync;
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        return services;
    }

    public static WebApplication MapPanel(this WebApplication app)
    {
        app.UseAuthentication();
        var panel = app.MapGroup("/panel");
        LoginEndpoints.Map(panel);
        var gated = panel.MapGroup(string.Empty).AddEndpointFilter(GateAsync);
        DashboardPage.Map(gated);
        SchedulePage.Map(gated);
        BookingsPage.Map(gated);
        BookingActionsEndpoints.Map(gated);
        NewBookingPage.Map(gated);
        ServicesPage.Map(gated);
        BlocksPage.Map(gated);
        SettingsPage.Map(gated);
        SpecialDaysPage.Map(gated);
        BroadcastsPage.Map(gated);
        AdminsPage.Map(gated);
        TextsPage.Map(gated);
        AuditPage.Map(gated);
        ExportEndpoints.Map(gated);
        LiveEvents.Map(gated);
        panel.MapGet("/panel.css", () => Results.Text(PanelAssets.Css, "text/css"));
        panel.MapGet("/panel.js", () => Results.Text(PanelAssets.Script, "text/javascript"));
        return app;
    }

    /// <summary>Gives a page the permission it needs; a page without one is refused to everyone.</summary>
    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder endpoint, Permission permission) =>
        endpoint.WithMetadata(new PanelAccess(permission));

    public static ClaimsPrincipal Principal(long adminId, DateTimeOffset nowUtc) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, adminId.ToString(CultureInfo.InvariantCulture)),
            new Claim(SignedInClaim, nowUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], Scheme));

    /// <summary>
    /// Every request re-reads the admin's role from the database: a removed admin is signed out on their next click,
    /// a demoted one loses the pages at once. The absolute lifetime ends even an active session.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext c)
    {
        var clock = c.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var id = c.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var signedIn = c.Principal?.FindFirstValue(SignedInClaim);
        var role = long.TryParse(id, CultureInfo.InvariantCulture, out var adminId)
            && long.TryParse(signedIn, CultureInfo.InvariantCulture, out var at)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(at) < AbsoluteLifetime
                ? await c.HttpContext.RequestServices.GetRequiredService<AccessControl>().RoleOfAsync(adminId, c.HttpContext.RequestAborted)
                : null;
        if (role is null)
        {
            c.RejectPrincipal();
            await c.HttpContext.SignOutAsync(Scheme);
            return;
        }

        c.HttpContext.Items[RoleItem] = role;
    }

    private static async ValueTask<object?> GateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Items[RoleItem] is not AdminRole role
            || !long.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var adminId))
        {
            return HttpMethods.IsGet(http.Request.Method) ? Results.Redirect("/panel/login") : Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var user = await UserAsync(http, adminId, role);
        var needed = http.GetEndpoint()?.Metadata.GetMetadata<PanelAccess>();
        if (needed is null || !user.Can(needed.Permission))
        {
            return PanelLayout.Message(user, user.T["web.forbidden_title"], user.T["web.forbidden"], StatusCodes.Status403Forbidden);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return PanelLayout.Message(user, user.T["web.bad_request_title"], user.T["web.bad_request"], StatusCodes.Status400BadRequest);
            }
        }

        http.Items[typeof(PanelUser)] = user;
        return await next(context);
    }

    private static async Task<PanelUser> UserAsync(HttpContext http, long adminId, AdminRole role)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<BookingDb>();
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == adminId, http.RequestAborted);
        var texts = services.GetRequiredService<TextProvider>().For(client?.Language ?? Languages.Default);
        var zone = await services.GetRequiredService<ScheduleReader>().ZoneAsync(http.RequestAborted);
        var csrf = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? string.Empty;
        return new PanelUser(adminId, role, client?.DisplayName ?? adminId.ToString(CultureInfo.InvariantCulture), new PanelTexts(texts, new Formats(texts, zone)), csrf);
    }
}
