import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazyPage } from '../lazyPage';

const AuditList = lazyPage(() => import('./AuditList'), 'AuditList');

export default { list: AuditList, icon: ManageSearchIcon };
