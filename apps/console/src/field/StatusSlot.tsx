import { FieldStatus } from './FieldStatus';
import type { DeviceIdentity } from './fieldDb';
import { useFieldSignIn } from './FieldConnection';

/** The queue's indicator in the field screen's header: offline, N waiting, sending, all sent, needs attention. */
export const StatusSlot = (_props: { identity: DeviceIdentity }) => <FieldStatus onSignIn={useFieldSignIn()} />;
