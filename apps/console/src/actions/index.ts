import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyPage } from '../lazyPage';

const ActionList = lazyPage(() => import('./ActionList'), 'ActionList');

export default { list: ActionList, icon: AssignmentTurnedInIcon };
