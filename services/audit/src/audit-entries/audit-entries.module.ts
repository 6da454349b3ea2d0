import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditEntriesController } from './audit-entries.controller';
import { AuditEntriesService } from './audit-entries.service';
import { AuditEntry } from './audit-entry.entity';
import { EntrySubmittedConsumer } from './entry-submitted.consumer';

@Module({
  imports: [MikroOrmModule.forFeature([AuditEntry])],
  controllers: [AuditEntriesController],
  providers: [AuditEntriesService, EntrySubmittedConsumer],
})
export class AuditEntriesModule {}
