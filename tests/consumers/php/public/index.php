<?php

// The web entry, served by PHP-FPM: the same scenario, as text/plain.
require dirname(__DIR__) . '/vendor/autoload.php';
header('Content-Type: text/plain; charset=UTF-8');
$lines = wuye_scenario();
if (!str_ends_with(end($lines), 'all checks passed')) {
    http_response_code(500);
}
echo implode("\n", $lines), "\n";
