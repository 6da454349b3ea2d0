import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazyPage } from '../lazyPage';

const ConcernList = lazyPage(() => import('./ConcernList'), 'ConcernList');

export default { list: ConcernList, icon: ReportProblemIcon };
