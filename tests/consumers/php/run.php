<?php

// The CLI entry: php run.php
require __DIR__ . '/vendor/autoload.php';
$lines = wuye_scenario();
echo implode("\n", $lines), "\n";
exit(str_ends_with(end($lines), 'all checks passed') ? 0 : 1);
