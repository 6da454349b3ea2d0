import Typography from '@mui/material/Typography';
import type { DeviceIdentity, MeetingPack } from './fieldDb';

/**
 * Where the hold-step forms go on a meeting's field plan. A placeholder for now: at merge it renders
 * `FieldHold({ pack, identity })` (field/hold, built alongside), which queues every action on the device.
 */
export const HoldSlot = ({ pack, identity, translate }: { pack: MeetingPack; identity: DeviceIdentity; translate: (key: string) => string }) => (
  <Typography color="text.secondary" data-testid="field-hold-slot" data-meeting={pack.meetingId} data-user={identity.userId}>
    {translate('field.plan.holdSoon')}
  </Typography>
);
