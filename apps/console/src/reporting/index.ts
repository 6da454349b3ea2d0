import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../lazyPage';

const ReportingDashboard = lazyPage(() => import('./ReportingDashboard'), 'ReportingDashboard');

// The reporting dashboard as a page in the menu ("Reporting"), gated by canAccess: reporting → report:read.
export default { list: ReportingDashboard, icon: InsightsIcon, options: { label: 'reporting.menu' } };
