import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { ConcernList } from './ConcernList';

export default { list: ConcernList, icon: ReportProblemIcon };
