# The caching proxy in front of the site: the stand-in, on one machine, for the
# CDN a production deployment puts in front. It keeps only what the site marks
# shareable (s-maxage); varnishd runs with a default TTL of 0 (-t 0), so a
# response without a caching policy of its own is never kept.
# The backend port and session cookie name are filled in by ops/varnish.py.
vcl 4.1;

backend site {
    .host = "127.0.0.1";
    .port = "${backend_port}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Only the site's own processes, on this machine, may clear the cache.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Wagtail's frontend-cache invalidation names the page that changed, but
        # every page shows others (navigation, the state index, compare, the
        # national table), so any change clears the whole site, as the in-app
        # page cache does. Publishing is rare; a cold cache refills in seconds.
        ban("obj.status != 0");
        return (synth(200, "Purged"));
    }
    # Signed in, previewing, or let through a page password: always from the
    # site, never kept, never served from what is kept.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)${session_cookie}=") {
        return (pass);
    }
    # Other cookies (a CSRF token, a language choice) change nothing on a page
    # whose address names its language, nor on the state files, the API or the
    # sitemap (core.page_cache.PUBLIC_PREFIXES); left in, they would make every
    # such visitor miss the cache.
    if ((req.method == "GET" || req.method == "HEAD") && req.url ~ "^/(en/|es/|states/|api/v2/|sitemap)") {
        unset req.http.Cookie;
    }
}

sub vcl_hit {
    set req.http.X-Proxy-Cache = "hit";
}

sub vcl_miss {
    set req.http.X-Proxy-Cache = "miss";
}

sub vcl_pass {
    set req.http.X-Proxy-Cache = "pass";
}

sub vcl_deliver {
    set resp.http.X-Proxy-Cache = req.http.X-Proxy-Cache;
}
