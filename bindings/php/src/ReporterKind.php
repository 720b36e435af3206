<?php

declare(strict_types=1);

namespace Wuye;

/** Who reported 报事人类型 (an anonymous report keeps no name or phone). */
enum ReporterKind: string
{
    case Owner = 'owner';
    case Tenant = 'tenant';
    case Colleague = 'colleague';
    case PartnerUnit = 'partner_unit';
    case Anonymous = 'anonymous';
}
