# The app replicas of docker-compose.yml (relacions.vcl includes this file). One `backend` and
# one `app.add_backend()` line per replica; a host of its own for each in a larger deployment.
backend web1 {
    .host = "web1";
    .port = "8000";
    .probe = livez;
}

backend web2 {
    .host = "web2";
    .port = "8000";
    .probe = livez;
}

sub relacions_backends {
    app.add_backend(web1);
    app.add_backend(web2);
}
