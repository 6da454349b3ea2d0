import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditEntriesController } from './audit-entries.controller';
import { AuditEntriesService } from './audit-entries.service';
import { AuditEventsConsumer } from './audit-events.consumer';
import { AuditEntry } from './audit-entry.entity';

@Module({
  imports: [MikroOrmModule.forFeature([AuditEntry])],
  controllers: [AuditEntriesController],
  providers: [AuditEntriesService, AuditEventsConsumer],
})
export class AuditEntriesModule {}
