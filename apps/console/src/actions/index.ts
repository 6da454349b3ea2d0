import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ActionList } from './ActionList';

export default { list: ActionList, icon: AssignmentTurnedInIcon };
