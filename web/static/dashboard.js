// Stores the browser's time zone in a cookie so that the server renders reset times in it,
// and reloads once when the page was rendered in another zone. Without JavaScript the page
// shows times in the configured zone (monitor.zone).
(function () {
    var rendered = document.body.dataset.zone;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!rendered || !zone || zone === rendered || new URLSearchParams(location.search).has("zone")) {
        return;
    }
    var stored = document.cookie.split("; ").find(function (c) { return c.indexOf("usage_zone=") === 0; });
    if (stored === "usage_zone=" + encodeURIComponent(zone)) {
        return;
    }
    document.cookie = "usage_zone=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
    location.reload();
})();
