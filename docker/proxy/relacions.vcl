# The caching reverse proxy in front of the app replicas (Varnish 7.1; docs/OPERATIONS.md).
#
# - Pages: kept only when the app says so with `Surrogate-Control: max-age=N` (an anonymous GET
#   of a public page the page cache holds under a known content generation, N seconds at most:
#   relacions/operations/pagecache/proxy.py); never with a session or messages cookie, an
#   Authorization header, a preview, an error. Past N the page is revalidated with the app
#   (If-None-Match / 304), never served stale (no grace).
# - Every content change bans all kept pages before it commits: an HTTP BAN on the `purge`
#   listen address, which only the replicas reach (never publish it).
# - /static/ and /media/: kept as long as their own headers say (a year, `immutable`, for the
#   hashed static files and the image library's files), whatever cookie the visitor has.
# - Compression (gzip) here for text the app sent uncompressed.
# - Replicas: round robin with health probes on /livez; a request whose replica fails is retried
#   on the next one.
#
# backends.vcl (beside this file, or first on vcl_path) declares the replicas and
# `sub relacions_backends` that adds them to the director `app`.
vcl 4.1;

import directors;
import std;

# The replicas allow the Host `localhost` for this probe (docker-compose.yml); visitors may not
# send it (vcl_recv).
probe livez {
    .request =
        "GET /livez HTTP/1.1"
        "Host: localhost"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .timeout = 1s;
    .interval = 1s;
    .window = 3;
    .threshold = 2;
}

acl loopback {
    "127.0.0.0"/8;
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    call relacions_backends;
}

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "BAN") {
        if (local.socket != "purge") {
            return (synth(405, "Not allowed"));
        }
        # Lurker-friendly: tested on the kept object's own headers, not the request's.
        ban("obj.http.X-Relacions-Page == 1");
        return (synth(200, "Pages banned"));
    }
    if (req.http.Host ~ "^(localhost|127\.0\.0\.1)(:[0-9]+)?$" && client.ip !~ loopback) {
        return (synth(400, "Bad host"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(static|media)/") {
        # The same bytes for everyone: a cookie changes nothing.
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (csrftoken…) are sent on to the app: a page that sets one is not kept.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    # https and http pages differ (canonical links, redirects).
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_fetch {
    # The replica behind the director on this attempt (a retry takes the next one).
    set bereq.backend = app.backend();
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.retries < 1 && bereq.method == "GET") {
        return (retry);
    }
    if (bereq.url ~ "^/(static|media)/") {
        if (beresp.status != 200) {
            set beresp.ttl = 0s;
            set beresp.uncacheable = true;
            return (deliver);
        }
        # A year for what the app marks immutable; its own max-age otherwise.
        set beresp.grace = 1h;
    } elsif (beresp.http.Surrogate-Control ~ "max-age=[0-9]+" && beresp.status == 200) {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, ".*max-age=([0-9]+).*", "\1") + "s", 0s);
        # Never served past its TTL: an expired page waits for the app (a 304 is cheap).
        set beresp.grace = 0s;
        set beresp.keep = 1h;
        set beresp.http.X-Relacions-Page = "1";
        # (A 304 to a revalidation arrives here as the kept 200 with its headers merged, this
        # header included: the app's answer renews the page for the same lifetime.)
    } else {
        # Anything the app did not mark is never kept.
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml|rss\+xml|atom\+xml|ld\+json|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_backend_error {
    # A replica that cannot be reached (stopped, killed): the next one answers.
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.Surrogate-Control;
    unset resp.http.X-Relacions-Page;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
}
