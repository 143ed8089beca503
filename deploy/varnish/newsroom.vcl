vcl 4.1;

# The edge cache in front of the newsroom's app servers (Varnish 7.1, varnish-modules 0.20).
#
# Readers get cached pages; staff, previews and anything that is not a plain GET/HEAD go to the app.
# The app names what each page shows in an `xkey` header (surrogate keys) and purges by key when a
# story changes: the request it sends, and everything else the app must know, is in README.md here.
#
# What differs between machines (the app servers and who may purge) is in newsroom-backends.vcl,
# written by backends.sh and found on varnishd's vcl_path.

import cookie;
import directors;
import std;
import xkey;

# robots.txt is cheap for the app to answer. A server is healthy while two of its last
# three probes succeeded: two failures in a row make it sick, two successes healthy again. It
# counts as healthy from the start.
probe app_probe {
    .url = "/robots.txt";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "newsroom-backends.vcl";

sub vcl_recv {
    # X-Edge-Stale is this file's note to itself across restarts (see vcl_hit and vcl_synth);
    # a reader may not send it.
    if (req.restarts == 0) {
        unset req.http.X-Edge-Stale;
    }
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        call newsroom_purge;
    }
    if (req.method !~ "^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$") {
        return (synth(405, "Method Not Allowed"));
    }

    # Tracking parameters mean nothing to the app: drop them, then sort what is left, so that
    # neither splits the cache. Each one goes with the "&" after it; a dangling "?" or "&" goes last.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url,
            "(?<=[?&])(utm_[^=&]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src|ref_url)(=[^&]*)?(&|$)",
            "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = std.querysort(req.url);
    }

    # Only Django's cookies reach the app: the session (staff), the CSRF token (the login form)
    # and flash messages (the admin's "saved" notes). Analytics cookies are dropped here.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("sessionid,csrftoken,messages");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "[?&]share=") {
        return (pass);
    }

    # A reader: the page is the same for everyone, so no cookie (a lone csrftoken) may reach the
    # app and end up deciding it.
    unset req.http.Cookie;

    if (req.http.X-Edge-Stale == "refresh") {
        # Back from vcl_hit, which found only a stale copy: look past it and fetch a new one.
        set req.grace = 0s;
    } else {
        # Any stale copy will do: its own grace (vcl_backend_response) is the limit. Said
        # out loud because a restart keeps the 0s above.
        set req.grace = 1d;
    }
    return (hash);
}

# PURGE / with `xkey-purge: key1 key2` soft-purges every object carrying any of the keys: each
# one is stale at once, refetched on its next request, and kept for grace in case the app fails.
sub newsroom_purge {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
        return (synth(400, "xkey-purge header required"));
    }
    set req.http.xkey-purged = xkey.softpurge(req.http.xkey-purge);
    return (synth(200, "Purged"));
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        return (deliver);
    }
    # Stale (expired or soft-purged). Serve it when the app has just failed or its probe says sick;
    # the background fetch that comes with it is abandoned if it fails (vcl_backend_response and
    # vcl_backend_error), so the copy stays.
    if (req.http.X-Edge-Stale == "serve" || !std.healthy(req.backend_hint)) {
        return (deliver);
    }
    # The app is up: a purge must show on the next request, so fetch now rather than in the
    # background, and come back to this copy (vcl_synth) only if the app fails.
    set req.http.X-Edge-Stale = "refresh";
    return (restart);
}

sub vcl_backend_response {
    if (beresp.status >= 500) {
        # With a stale copy to fall back on, drop the error and let vcl_synth serve that copy.
        if (bereq.is_bgfetch || bereq.http.X-Edge-Stale == "refresh") {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the app says is public is kept. The rest is remembered as uncacheable for a
    # while (hit-for-miss): those requests go straight to the app, but the next cacheable
    # answer is stored at once.
    if (!beresp.http.Cache-Control ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
        beresp.http.Set-Cookie ||
        beresp.ttl <= 0s ||
        beresp.http.Vary == "*") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # beresp.ttl comes from s-maxage. Keep the page much longer than the app's
    # stale-while-revalidate, to serve while the app is down.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_backend_error {
    # A server that refuses the connection before its probe notices: the director picks the
    # next one. Only once, and never for a request that may change something.
    if (bereq.retries == 0 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
    if (bereq.is_bgfetch || bereq.http.X-Edge-Stale == "refresh") {
        return (abandon);
    }
}

sub vcl_synth {
    # The fetch that vcl_hit asked for failed: serve the stale copy after all.
    if (resp.status == 503 && req.http.X-Edge-Stale == "refresh") {
        set req.http.X-Edge-Stale = "serve";
        return (restart);
    }
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.xkey-purged = req.http.xkey-purged;
    }
    set resp.http.X-Cache = "MISS";
}

sub vcl_deliver {
    # A hit here is a HIT; on a miss or a pass the app's own X-Cache (its page cache) stands.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } elsif (!resp.http.X-Cache) {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;

    # The keys are for the caches, not for readers; Age stays so a browser can count from it.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
