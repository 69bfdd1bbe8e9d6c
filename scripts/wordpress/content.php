<?php
// The test newsroom's content, fresh on every run (setup.sh): Twenty Twenty-Three, pretty permalinks, an Author
// who lacks `unfiltered_html`, and posts made the way a journalist makes them. Old posts go, with their cached oEmbed
// answers, so every run fetches the site being tested.
//   php content.php <built site folder>
//   - reset-pasted: the Author pastes each chart's /embed/<id>/ address on a line of its own, between paragraphs (the
//     block editor saves an embed block around each); WordPress discovers the oEmbed answers when the post is first
//     shown.
//   - reset-snippet-editor: an Administrator puts every chart's embed code (iframe + /embed.js, exactly as the
//     builder lists it) in Custom HTML blocks.
//   - reset-snippet-author: the Author does the same; WordPress strips what that role may not post.
$_SERVER['HTTP_HOST'] = '127.0.0.1:8080';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$dist = rtrim($argv[1] ?? '', '/');
$widgets = array_map('basename', array_map('dirname', glob("$dist/embed/*/index.html") ?: []));
if (!$widgets) {
    fwrite(STDERR, "usage: php content.php <built site folder> (no embed pages in '$dist')\n");
    exit(2);
}
// The site's address as the build wrote it into its oEmbed answers.
$origin = rtrim(json_decode(file_get_contents("$dist/oembed/{$widgets[0]}.json"), true)['provider_url'], '/');
// Each chart's embed code as the builder's list shows it (HTML-escaped inside <pre><code>).
$builder = file_get_contents("$dist/embed/index.html");
$codes = [];
foreach ($widgets as $id) {
    if (!preg_match('|<li id="embed-' . preg_quote($id, '|') . '"[^>]*>.*?<pre class="snippet"[^>]*><code[^>]*>(.*?)</code>|s', $builder, $m)) {
        fwrite(STDERR, "no embed code for $id in $dist/embed/index.html\n");
        exit(1);
    }
    $codes[] = html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5);
}

switch_theme('twentytwentythree');
update_option('permalink_structure', '/%postname%/');
flush_rewrite_rules(false);

$author = get_user_by('login', 'writer');
$author_id = $author ? $author->ID : wp_insert_user([
    'user_login' => 'writer', 'user_pass' => 'writer-password-not-secret', 'user_email' => 'writer@newsroom.test', 'role' => 'author',
]);
if (is_wp_error($author_id)) {
    fwrite(STDERR, $author_id->get_error_message() . "\n");
    exit(1);
}

foreach (get_posts(['post_type' => ['post', 'oembed_cache'], 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
    wp_delete_post($id, true);
}
// The editor's REST oEmbed proxy caches its answers in transients.
$wpdb->query("DELETE FROM $wpdb->options WHERE option_name LIKE '\\_transient\\_%oembed\\_%'");

/** Inserts a post as `$user`, through the same kses filters the editor's save goes through for that user's role. */
function reset_post(int $user, string $slug, string $title, string $content): void {
    wp_set_current_user($user);
    $id = wp_insert_post(['post_author' => $user, 'post_name' => $slug, 'post_title' => $title, 'post_status' => 'publish', 'post_content' => $content], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, "$slug: " . $id->get_error_message() . "\n");
        exit(1);
    }
    echo "post $slug\n";
}

$para = "<!-- wp:paragraph -->\n<p>Story text.</p>\n<!-- /wp:paragraph -->";
$pasted = $para;
foreach ($widgets as $id) {
    $url = "$origin/embed/$id/";
    // What the block editor saves when a URL is pasted on an empty line of a post (core/embed, a "rich" provider).
    $pasted .= "\n\n<!-- wp:embed {\"url\":\"$url\",\"type\":\"rich\",\"providerNameSlug\":\"the-reset\",\"responsive\":true} -->\n"
        . "<figure class=\"wp-block-embed is-type-rich is-provider-the-reset wp-block-embed-the-reset\"><div class=\"wp-block-embed__wrapper\">\n$url\n</div></figure>\n"
        . "<!-- /wp:embed -->\n\n$para";
}
reset_post($author_id, 'reset-pasted', 'Charts pasted as addresses (Author)', $pasted);

$snippets = '';
foreach ($codes as $code) {
    $snippets .= "$para\n\n<!-- wp:html -->\n$code\n<!-- /wp:html -->\n\n";
}
reset_post(1, 'reset-snippet-editor', 'Embed codes (Administrator)', $snippets);
reset_post($author_id, 'reset-snippet-author', 'Embed codes (Author)', $snippets);
