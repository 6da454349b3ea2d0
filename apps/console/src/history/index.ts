import HistoryIcon from '@mui/icons-material/History';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyPage } from '../lazyPage';

const PastReportingDayCreate = lazyPage(() => import('./PastReportingDayCreate'), 'PastReportingDayCreate');
const PastReportingDayImport = lazyPage(() => import('./PastReportingDayImport'), 'PastReportingDayImport');

// A create page only: what it records is a meeting, listed and shown with the others.
export const pastReportingDays = { create: PastReportingDayCreate, icon: HistoryIcon };

// A page rather than a list, as the community import: react-admin shows it in the menu and checks canAccess('list').
export const pastReportingDayImports = { list: PastReportingDayImport, icon: UploadFileIcon };
