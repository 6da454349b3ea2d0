import { AuditEntrySubmittedEvtV1 } from './audit/audit-entry-submitted.evt.v1';
import { ListAuditEntriesQryV1 } from './audit/list-audit-entries.qry.v1';
import { VerifyAuditChainQryV1 } from './audit/verify-audit-chain.qry.v1';
import { CommunityCreatedEvtV1 } from './communities/community-created.evt.v1';
import {
  CommunityActivatedEvtV1,
  CommunityArchivedEvtV1,
  CommunityOnboardingStartedEvtV1,
  CommunityPausedEvtV1,
} from './communities/community-status.evt.v1';
import { CommunityUpdatedEvtV1 } from './communities/community-updated.evt.v1';
import { GetContactCardQryV1, SetContactCardConsentCmdV1 } from './communities/contact-card.messages.v1';
import {
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  CreateContactCmdV1,
  EraseContactCmdV1,
  GetContactQryV1,
  ListContactsQryV1,
  UpdateContactCmdV1,
} from './communities/contact.messages.v1';
import {
  AssignOfficerCmdV1,
  GetOfficerAssignmentQryV1,
  ListOfficerAssignmentsQryV1,
  OfficerAssignedEvtV1,
} from './communities/officer-assignment.messages.v1';
import {
  CreateOrganisationCmdV1,
  DeleteOrganisationCmdV1,
  GetOrganisationQryV1,
  ListOrganisationsQryV1,
  UpdateOrganisationCmdV1,
} from './communities/organisation.messages.v1';
import { TransitionCommunityCmdV1 } from './communities/transition-community.cmd.v1';
import { UpdateCommunityCmdV1 } from './communities/update-community.cmd.v1';
import { CreateDistrictCmdV1, GetDistrictQryV1, UpdateDistrictCmdV1 } from './geography/district.messages.v1';
import { CreateRegionCmdV1, GetRegionQryV1, ListRegionsQryV1, UpdateRegionCmdV1 } from './geography/region.messages.v1';
import { MeetingScheduledEvtV1 } from './meetings/meeting-scheduled.evt.v1';
import { CreateMeetingCmdV1 } from './meetings/create-meeting.cmd.v1';
import { GetMeetingQryV1 } from './meetings/get-meeting.qry.v1';
import { ListMeetingsQryV1 } from './meetings/list-meetings.qry.v1';
import { UpdateMeetingCmdV1 } from './meetings/update-meeting.cmd.v1';
import { TransitionMeetingCmdV1 } from './meetings/transition-meeting.cmd.v1';
import { MeetingRescheduledEvtV1 } from './meetings/meeting-rescheduled.evt.v1';
import { MeetingCancelledEvtV1 } from './meetings/meeting-cancelled.evt.v1';
import { MeetingHeldEvtV1 } from './meetings/meeting-held.evt.v1';
import { MeetingClosedEvtV1 } from './meetings/meeting-closed.evt.v1';
import { CreateCommunityCmdV1 } from './communities/create-community.cmd.v1';
import { ApplyCommunityImportCmdV1 } from './communities/import-communities-apply.cmd.v1';
import { DryRunCommunityImportQryV1 } from './communities/import-communities-dry-run.qry.v1';
import { GetCommunityQryV1 } from './communities/get-community.qry.v1';
import { ListCommunitiesQryV1 } from './communities/list-communities.qry.v1';
import { ListDistrictsQryV1 } from './communities/list-districts.qry.v1';
import type { MessageDef } from './message';
import { CreateCalendarFeedCmdV1, GetCalendarFeedQryV1, ResolveCalendarFeedQryV1, RevokeCalendarFeedCmdV1 } from './meetings/calendar-feed.messages.v1';
import { ConcernRecordedEvtV1, ConcernSensitivityChangedEvtV1 } from './meetings/concern.evt.v1';
import { GetConcernQryV1, ListConcernsQryV1, RecordConcernCmdV1, UpdateConcernCmdV1 } from './meetings/concern.messages.v1';
import { ListConcernRegisterQryV1 } from './meetings/concern-register.qry.v1';
import { ActionAssignedEvtV1, ActionStatusChangedEvtV1 } from './meetings/action.evt.v1';
import { AssignActionCmdV1, ListActionsQryV1, TransitionActionCmdV1 } from './meetings/action.messages.v1';
import { ApproveMinutesCmdV1, GetMinutesQryV1, ListMinutesVersionsQryV1, SaveMinutesCmdV1 } from './meetings/minutes.messages.v1';
import { MinutesApprovedEvtV1 } from './meetings/minutes.evt.v1';
import { AttendanceRecordedEvtV1 } from './meetings/attendance.evt.v1';
import { GetAttendanceQryV1, RecordAttendanceCmdV1 } from './meetings/attendance.messages.v1';
import { FeedbackRecordedEvtV1 } from './meetings/feedback.evt.v1';
import { FeedbackRecordedEvtV2 } from './meetings/feedback.evt.v2';
import { GetPublicSurveyQryV1, GetResidentSurveyQryV1, OpenResidentSurveyCmdV1, SetResidentSurveyClosedCmdV1, SubmitResidentAnswerCmdV1 } from './meetings/resident-survey.messages.v1';
import { GetFeedbackSummaryQryV1, RecordFeedbackCmdV1 } from './meetings/feedback.messages.v1';
import { GetDistrictReportQryV1 } from './reporting/get-district-report.qry.v1';
import { GetReportSummaryQryV1, GetReportTimeSeriesQryV1 } from './reporting/report.messages.v1';
import { ListMissingReportsQryV2 } from './reporting/missing-reports.qry.v2';
import { GetReportExportQryV1, ListReportExportsQryV1, ReadReportExportContentQryV1, RenderReportCsvQryV1, RequestReportExportCmdV1 } from './reporting/report-export.messages.v1';
import { ListTemplatesQryV1, GetTemplateQryV1, PublishTemplateVersionCmdV1 } from './meetings/template.messages.v1';
import { MeetingUpdatedEvtV1 } from './meetings/meeting-updated.evt.v1';
import {
  AgendaChangedEvtV1,
  AgendaTemplateAppliedEvtV1,
  BriefingAttachedEvtV1,
  BriefingPublishedEvtV1,
  ChecklistItemTickedEvtV1,
  ConcernUpdatedEvtV1,
  MinutesDraftSavedEvtV1,
  SignInSheetAttachedEvtV1,
  TemplatePublishedEvtV1,
} from './meetings/meeting-activity.evt.v1';
import { GetSignInSheetChunkQryV1, GetSignInSheetQryV1, UploadSignInSheetChunkCmdV1 } from './meetings/sign-in-sheet.messages.v1';
import { ApplyPastReportingDayImportCmdV1, DryRunPastReportingDayImportQryV1, RecordPastReportingDayCmdV1 } from './meetings/past-reporting-day.messages.v1';
import { AddAgendaItemCmdV1, ApplyTemplateCmdV1, GetAgendaQryV1, MoveAgendaItemCmdV1, RemoveAgendaItemCmdV1, TickChecklistItemCmdV1 } from './meetings/agenda.messages.v1';
import { AttachBriefingCmdV1, CreateBriefingCmdV1, GetBriefingQryV1, ListBriefingDeliveriesQryV1, ListBriefingsQryV1 } from './meetings/briefing.messages.v1';
import {
  AddNotificationTemplateVersionCmdV1,
  CountInboxQryV1,
  GetDeliveryQryV1,
  GetNotificationSettingsQryV1,
  GetNotificationTemplateQryV1,
  ListDeliveriesQryV1,
  ListInboxQryV1,
  ListNotificationTemplatesQryV1,
  ListNotificationTemplateVersionsQryV1,
  MarkAllInboxReadCmdV1,
  MarkInboxItemCmdV1,
  PreviewNotificationTemplateQryV1,
  ResendDeliveryCmdV1,
  UpdateNotificationSettingsCmdV1,
} from './notifications/notification.messages.v1';

/** Every message of the platform. docs/events.md is generated from this list. */
export const CATALOGUE: readonly MessageDef[] = [
  CreateCommunityCmdV1,
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  ListDistrictsQryV1,
  CommunityCreatedEvtV1,
  UpdateCommunityCmdV1,
  TransitionCommunityCmdV1,
  CommunityUpdatedEvtV1,
  CommunityOnboardingStartedEvtV1,
  CommunityActivatedEvtV1,
  CommunityPausedEvtV1,
  CommunityArchivedEvtV1,
  ListRegionsQryV1,
  GetRegionQryV1,
  CreateRegionCmdV1,
  UpdateRegionCmdV1,
  GetDistrictQryV1,
  CreateDistrictCmdV1,
  UpdateDistrictCmdV1,
  ListOrganisationsQryV1,
  GetOrganisationQryV1,
  CreateOrganisationCmdV1,
  UpdateOrganisationCmdV1,
  DeleteOrganisationCmdV1,
  ListContactsQryV1,
  GetContactQryV1,
  CreateContactCmdV1,
  UpdateContactCmdV1,
  EraseContactCmdV1,
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  AssignOfficerCmdV1,
  ListOfficerAssignmentsQryV1,
  GetOfficerAssignmentQryV1,
  OfficerAssignedEvtV1,
  SetContactCardConsentCmdV1,
  GetContactCardQryV1,
  MeetingScheduledEvtV1,
  CreateMeetingCmdV1,
  GetMeetingQryV1,
  ListMeetingsQryV1,
  UpdateMeetingCmdV1,
  TransitionMeetingCmdV1,
  MeetingRescheduledEvtV1,
  MeetingCancelledEvtV1,
  MeetingHeldEvtV1,
  MeetingClosedEvtV1,
  DryRunCommunityImportQryV1,
  ApplyCommunityImportCmdV1,
  GetDistrictReportQryV1,
  GetReportSummaryQryV1,
  GetReportTimeSeriesQryV1,
  ListMissingReportsQryV2,
  RequestReportExportCmdV1,
  GetReportExportQryV1,
  ListReportExportsQryV1,
  ReadReportExportContentQryV1,
  RenderReportCsvQryV1,
  AuditEntrySubmittedEvtV1,
  ListAuditEntriesQryV1,
  VerifyAuditChainQryV1,
  RecordConcernCmdV1,
  ListConcernsQryV1,
  ListConcernRegisterQryV1,
  GetConcernQryV1,
  UpdateConcernCmdV1,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  AssignActionCmdV1,
  ListActionsQryV1,
  TransitionActionCmdV1,
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  RecordAttendanceCmdV1,
  GetAttendanceQryV1,
  AttendanceRecordedEvtV1,
  RecordFeedbackCmdV1,
  GetFeedbackSummaryQryV1,
  FeedbackRecordedEvtV1,
  FeedbackRecordedEvtV2,
  OpenResidentSurveyCmdV1,
  GetResidentSurveyQryV1,
  SetResidentSurveyClosedCmdV1,
  GetPublicSurveyQryV1,
  SubmitResidentAnswerCmdV1,
  GetMinutesQryV1,
  SaveMinutesCmdV1,
  ListMinutesVersionsQryV1,
  ApproveMinutesCmdV1,
  MinutesApprovedEvtV1,
  ListTemplatesQryV1,
  GetTemplateQryV1,
  GetAgendaQryV1,
  ApplyTemplateCmdV1,
  TickChecklistItemCmdV1,
  AddAgendaItemCmdV1,
  RemoveAgendaItemCmdV1,
  MoveAgendaItemCmdV1,
  ListBriefingsQryV1,
  GetBriefingQryV1,
  CreateBriefingCmdV1,
  ListBriefingDeliveriesQryV1,
  AttachBriefingCmdV1,
  PublishTemplateVersionCmdV1,
  MeetingUpdatedEvtV1,
  AgendaTemplateAppliedEvtV1,
  AgendaChangedEvtV1,
  ChecklistItemTickedEvtV1,
  BriefingAttachedEvtV1,
  TemplatePublishedEvtV1,
  BriefingPublishedEvtV1,
  ConcernUpdatedEvtV1,
  MinutesDraftSavedEvtV1,
  SignInSheetAttachedEvtV1,
  UploadSignInSheetChunkCmdV1,
  GetSignInSheetQryV1,
  GetSignInSheetChunkQryV1,
  RecordPastReportingDayCmdV1,
  DryRunPastReportingDayImportQryV1,
  ApplyPastReportingDayImportCmdV1,
  ListInboxQryV1,
  CountInboxQryV1,
  MarkInboxItemCmdV1,
  MarkAllInboxReadCmdV1,
  ListDeliveriesQryV1,
  GetDeliveryQryV1,
  ResendDeliveryCmdV1,
  ListNotificationTemplatesQryV1,
  GetNotificationTemplateQryV1,
  ListNotificationTemplateVersionsQryV1,
  AddNotificationTemplateVersionCmdV1,
  PreviewNotificationTemplateQryV1,
  GetNotificationSettingsQryV1,
  UpdateNotificationSettingsCmdV1,
  CreateCalendarFeedCmdV1,
  GetCalendarFeedQryV1,
  RevokeCalendarFeedCmdV1,
  ResolveCalendarFeedQryV1,
];

/**
 * Which service consumes which event, durably. Kept here so the catalogue shows consumers and
 * a version is only deleted when nobody reads it.
 */
export const EVENT_CONSUMERS: Readonly<Record<string, readonly string[]>> = {
  [CommunityCreatedEvtV1.name]: ['reporting'],
  [MeetingScheduledEvtV1.name]: ['communities', 'notifications', 'reporting'],
  [CommunityOnboardingStartedEvtV1.name]: ['reporting'],
  [CommunityActivatedEvtV1.name]: ['reporting', 'notifications'],
  [CommunityPausedEvtV1.name]: ['reporting'],
  [CommunityArchivedEvtV1.name]: ['reporting'],
  [AuditEntrySubmittedEvtV1.name]: ['audit'],
  [OfficerAssignedEvtV1.name]: ['meetings', 'notifications'],
  [MeetingUpdatedEvtV1.name]: ['notifications'],
  [MeetingRescheduledEvtV1.name]: ['notifications', 'reporting'],
  [MeetingCancelledEvtV1.name]: ['notifications', 'reporting'],
  [MeetingHeldEvtV1.name]: ['notifications', 'reporting'],
  [MeetingClosedEvtV1.name]: ['notifications', 'reporting'],
  [MinutesApprovedEvtV1.name]: ['notifications'],
  [ActionAssignedEvtV1.name]: ['notifications', 'reporting'],
  [ActionStatusChangedEvtV1.name]: ['notifications', 'reporting'],
  [AttendanceRecordedEvtV1.name]: ['reporting'],
  [FeedbackRecordedEvtV1.name]: ['reporting'],
  [FeedbackRecordedEvtV2.name]: ['reporting'],
  [ConcernRecordedEvtV1.name]: ['reporting'],
  [ConcernSensitivityChangedEvtV1.name]: ['reporting'],
  [ContactErasedEvtV1.name]: ['notifications'],
  [ContactConsentChangedEvtV1.name]: ['notifications'],
};
