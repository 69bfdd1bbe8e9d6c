<?php
// The block editor's oEmbed preview asks GET /wp-json/oembed/1.0/proxy?url=… as the writer. This runs that same
// REST route in process (as the Author "writer"), without HTTP authentication, and prints its JSON answer.
//   php proxy.php <url>
$_SERVER['HTTP_HOST'] = '127.0.0.1:8080';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
wp_set_current_user(get_user_by('login', 'writer')->ID);
$request = new WP_REST_Request('GET', '/oembed/1.0/proxy');
$request->set_query_params(['url' => $argv[1] ?? '']);
$response = rest_do_request($request);
echo wp_json_encode(['status' => $response->get_status(), 'data' => rest_get_server()->response_to_data($response, false)]);
