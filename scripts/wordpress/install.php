<?php
// Installs WordPress without a browser (what wp-admin/install.php does), once: wp_install() on an empty database.
// Run by setup.sh as `php install.php`; the host name picks /etc/wordpress/config-127.0.0.1.php (Debian's wp-config).
$_SERVER['HTTP_HOST'] = '127.0.0.1:8080';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
if (is_blog_installed()) {
    echo "WordPress already installed\n";
    exit(0);
}
$result = wp_install('Newsroom test', 'editor', 'editor@newsroom.test', false, '', 'editor-password-not-secret');
echo "WordPress installed (user {$result['user_id']})\n";
