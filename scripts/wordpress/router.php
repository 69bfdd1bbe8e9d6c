<?php
// php -S router for Debian's WordPress: what Apache's alias and rewrite rules do in /etc/wordpress/htaccess.
// /wp-content/ lives in /var/lib/wordpress (themes and plugins are symlinks into /usr/share/wordpress); other
// existing files are served by php -S itself; everything else is a pretty permalink for index.php.
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_starts_with($path, '/wp-content/')) {
    $file = realpath('/var/lib/wordpress' . $path);
    if ($file === false || !is_file($file) || str_ends_with($file, '.php')) {
        http_response_code(404);
        return true;
    }
    $types = ['css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png',
        'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'webp' => 'image/webp', 'woff2' => 'font/woff2', 'json' => 'application/json'];
    header('Content-Type: ' . ($types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? 'application/octet-stream'));
    readfile($file);
    return true;
}
if ($path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
