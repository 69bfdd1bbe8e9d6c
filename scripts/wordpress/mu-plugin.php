<?php
/**
 * Plugin Name: The Reset test: loopback oEmbed
 * Description: Lets this test WordPress fetch oEmbed from The Reset served on loopback, as it would from a public host.
 *
 * WordPress refuses to fetch from loopback addresses and from ports other than 80, 443 and 8080. Both rules stay
 * in force for every other host and port. RESET_SITE_PORT is defined in the site's config file by setup.sh.
 */
add_filter('http_request_host_is_external', function ($external, $host) {
    return $external || in_array($host, ['127.0.0.1', 'localhost'], true);
}, 10, 2);

add_filter('http_allowed_safe_ports', function ($ports, $host) {
    if (defined('RESET_SITE_PORT') && in_array($host, ['127.0.0.1', 'localhost'], true)) {
        $ports[] = (int) RESET_SITE_PORT;
    }
    return $ports;
}, 10, 2);
