import { Controller, Get } from '@nestjs/common';
import { Public } from '@rd/auth-nest';

@Controller('health')
export class HealthController {
  /** Liveness: the process answers. */
  @Get()
  @Public()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
