namespace Booking.Web.Panel;

/// <summary>The panel's whole stylesheet and script, served from memory: no build step, no static files.</summary>
public static class PanelAssets
{
    public const string Css = """
        :root { --fg:#1d2430; --muted:#6b7280; --line:#e5e7eb; --bg:#f7f8fa; --card:#fff; --accent:#2563eb; --bad:#b91c1c; --ok:#15803d; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
        header { display:flex; flex-wrap:wrap; align-items:center; gap:16px; padding:10px 20px; background:#111827; color:#fff; }
        header .brand { font-weight:600; }
        header nav { display:flex; flex-wrap:wrap; gap:4px; flex:1; }
        header nav a { color:#d1d5db; text-decoration:none; padding:6px 10px; border-radius:6px; }
        header nav a.active, header nav a:hover { background:#374151; color:#fff; }
        header .who { color:#d1d5db; font-size:13px; }
        button.link { background:none; border:0; color:#93c5fd; cursor:pointer; padding:0; font:inherit; text-decoration:underline; }
        main { max-width:1200px; margin:0 auto; padding:20px; }
        h1 { font-size:22px; margin:4px 0 16px; } h2 { font-size:17px; margin:20px 0 8px; }
        .card, section.box { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px; margin-bottom:16px; }
        body.bare main.card { max-width:440px; margin:10vh auto; }
        .figures { display:grid; grid-template-columns:repeat(auto-fill,minmax(150px,1fr)); gap:10px; }
        .figure { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:10px 12px; }
        .figure b { display:block; font-size:20px; } .figure span { color:var(--muted); font-size:13px; }
        .charts { display:grid; grid-template-columns:repeat(auto-fill,minmax(520px,1fr)); gap:12px; }
        svg text { font-size:10px; fill:var(--muted); }
        table { border-collapse:collapse; width:100%; background:var(--card); }
        th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-size:13px; color:var(--muted); font-weight:600; }
        .week { display:grid; grid-template-columns:repeat(7,minmax(140px,1fr)); gap:8px; overflow-x:auto; }
        .day { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:8px; min-height:120px; }
        .day.today { border-color:var(--accent); }
        .day h3 { font-size:13px; margin:0 0 6px; }
        .slot { font-size:13px; padding:4px 6px; margin:3px 0; border-radius:6px; background:#eff6ff; }
        .slot.completed { background:#ecfdf5; } .slot.no_show { background:#fef2f2; }
        .muted { color:var(--muted); } .hint { font-size:13px; max-width:640px; margin:2px 0 6px; }
        .status-cancelled { color:var(--bad); } .status-completed { color:var(--ok); } .status-no_show { color:var(--bad); }
        form.inline { display:inline-flex; gap:4px; align-items:center; margin:2px 0; }
        form.filters { display:flex; flex-wrap:wrap; gap:8px; align-items:end; margin-bottom:12px; }
        form.filters label, form.stack label { display:flex; flex-direction:column; font-size:13px; color:var(--muted); }
        form.stack { display:grid; gap:10px; max-width:520px; }
        input, select, textarea { font:inherit; padding:5px 7px; border:1px solid #cbd5e1; border-radius:6px; background:#fff; }
        textarea { min-height:110px; width:100%; }
        button { font:inherit; padding:5px 10px; border-radius:6px; border:1px solid #cbd5e1; background:#fff; cursor:pointer; }
        button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
        a.button { display:inline-block; padding:5px 10px; border-radius:6px; background:var(--accent); color:#fff; text-decoration:none; }
        ul.picks { list-style:none; padding:0; } ul.picks li { margin:6px 0; }
        button.danger { border-color:#fca5a5; color:var(--bad); }
        .flash { background:#ecfdf5; border:1px solid #a7f3d0; padding:8px 12px; border-radius:8px; }
        .notice { background:#fff7ed; border:1px solid #fed7aa; padding:8px 12px; border-radius:8px; }
        .live { position:fixed; right:16px; bottom:16px; background:#111827; color:#fff; padding:8px 12px; border-radius:8px; font-size:13px; }
        .tabs a { margin-right:10px; } .tabs a.active { font-weight:600; color:var(--fg); text-decoration:none; }
        pre.value { white-space:pre-wrap; margin:0; font:inherit; }
        .pre { white-space:pre-line; }
        .columns { display:grid; grid-template-columns:repeat(auto-fill,minmax(320px,1fr)); gap:12px; align-items:start; }
        .columns form.stack { max-width:none; }
        .message { white-space:pre-wrap; background:#eff6ff; border-radius:10px; padding:10px 12px; max-width:520px; }
        progress { width:120px; vertical-align:middle; }
        fieldset { border:1px solid var(--line); border-radius:8px; padding:8px 12px; margin:0; }
        legend { font-size:13px; color:var(--muted); padding:0 4px; }
        form.stack label.choice { flex-direction:row; align-items:center; gap:8px; color:var(--fg); font-size:15px; padding:2px 0; }
        a.danger { color:var(--bad); }
        """;

    /// <summary>
    /// Live updates: an EventSource on /panel/events hears the bookings watermark; when it moves past the one the page
    /// was drawn at, the page's main part is fetched again and swapped in (not while the admin is typing in a form).
    /// Broadcast progress: while a broadcast in the history table is still sending, the page is fetched again every
    /// three seconds and only that table is swapped in, so a message being written in the form above stays as it is;
    /// the polling stops once every broadcast shown is done.
    /// </summary>
    public const string Script = """
        (function () {
          // Fetches this page again and swaps in the fresh copy of one part of it; then() runs once the page came back.
          function refetch(selector, then) {
            fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
              if (!html) return;
              var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector(selector);
              var current = document.querySelector(selector);
              if (fresh && current) { current.replaceWith(fresh); }
              then();
            });
          }

          function live(known) {
            var pending = false;
            function typing() { var a = document.activeElement; return a && a.form && (a.value || '').length > 0; }
            function refresh() {
              if (typing()) { pending = true; return; }
              pending = false;
              refetch('main', function () {
                var note = document.getElementById('live'); note.hidden = false;
                setTimeout(function () { note.hidden = true; }, 4000);
              });
            }
            document.addEventListener('focusout', function () { if (pending) setTimeout(refresh, 200); });
            var events = new EventSource('/panel/events');
            events.addEventListener('bookings', function (e) {
              if (e.data !== known) { known = e.data; refresh(); }
            });
          }

          function sending() { return document.querySelector('table.broadcasts tr[data-sending]') !== null; }
          function followBroadcasts() {
            var timer = setInterval(function () {
              refetch('table.broadcasts', function () { if (!sending()) { clearInterval(timer); } });
            }, 3000);
          }

          var version = document.body.getAttribute('data-version');
          if (version !== null && window.EventSource) { live(version); }
          if (sending() && window.fetch) { followBroadcasts(); }
        })();
        """;
}
