import type { DeviceIdentity, MeetingPack } from './fieldDb';
import { FieldHold } from './hold/FieldHold';

/** The hold-step forms on a meeting's field plan: every action is queued on the device and sent in order (ADR 47). */
export const HoldSlot = ({ pack, identity }: { pack: MeetingPack; identity: DeviceIdentity; translate?: (key: string) => string }) => <FieldHold pack={pack} identity={identity} />;
