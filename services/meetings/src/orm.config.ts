import { createOrmConfig } from '@rd/persistence';
import { MeetingStatusChange } from './meetings/meeting-status-change.entity';
import { Meeting } from './meetings/meeting.entity';
import { MIGRATIONS } from './migrations';
import { Concern } from './concerns/concern.entity';
import { FollowUpAction } from './actions/follow-up-action.entity';
import { MeetingTemplate } from './templates/meeting-template.entity';
import { MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem } from './agenda/meeting-agenda.entity';
import { OfficerRosterEntry } from './roster/officer-roster-entry.entity';
import { Briefing } from './briefings/briefing.entity';
import { Minutes, MinutesVersion } from './minutes/minutes.entity';
import { MeetingAttendance } from './attendance/meeting-attendance.entity';
import { FeedbackResponse } from './feedback/feedback-response.entity';
import { ResidentSurvey, ResidentSurveySlip } from './resident-survey/resident-survey.entity';
import { CalendarFeed } from './calendar-feeds/calendar-feed.entity';

export function meetingsOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [Meeting, MeetingStatusChange, Concern, FollowUpAction, Minutes, MinutesVersion, MeetingTemplate, MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem, OfficerRosterEntry, Briefing, MeetingAttendance, FeedbackResponse, CalendarFeed, ResidentSurvey, ResidentSurveySlip], migrations: MIGRATIONS });
}
