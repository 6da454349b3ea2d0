import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { OfficerAssignment } from './officer-assignment.entity';
import { OfficerAssignmentsController } from './officer-assignments.controller';
import { OfficerAssignmentsService } from './officer-assignments.service';

@Module({
  imports: [MikroOrmModule.forFeature([OfficerAssignment])],
  controllers: [OfficerAssignmentsController],
  providers: [OfficerAssignmentsService],
})
export class OfficerAssignmentsModule {}
