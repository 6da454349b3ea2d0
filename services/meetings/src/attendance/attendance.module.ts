import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { MeetingAttendance } from './meeting-attendance.entity';
import { SignInSheetService } from './sign-in-sheet.service';

@Module({
  imports: [MikroOrmModule.forFeature([MeetingAttendance])],
  controllers: [AttendanceController],
  providers: [AttendanceService, SignInSheetService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
