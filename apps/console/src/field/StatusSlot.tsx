import Box from '@mui/material/Box';
import type { DeviceIdentity } from './fieldDb';

/**
 * The area of the field screen's header for the queue's status indicator (offline, N waiting, sent, needs
 * attention). Empty for now: at merge it renders `FieldStatus` (field/queue, built alongside).
 */
export const StatusSlot = ({ identity }: { identity: DeviceIdentity }) => <Box data-testid="field-status-slot" data-user={identity.userId} sx={{ minHeight: 24 }} />;
