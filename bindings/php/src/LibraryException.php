<?php

declare(strict_types=1);

namespace Wuye;

/**
 * libwuye cannot be used: not found (the message names every path tried), not loadable,
 * already loaded from another path, or of another ABI or contract version.
 */
final class LibraryException extends \RuntimeException
{
}
