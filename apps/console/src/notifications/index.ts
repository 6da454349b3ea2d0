import DescriptionIcon from '@mui/icons-material/Description';
import InboxIcon from '@mui/icons-material/Inbox';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import TuneIcon from '@mui/icons-material/Tune';
import { lazyPage } from '../lazyPage';

const DeliveryList = lazyPage(() => import('./DeliveryList'), 'DeliveryList');
const InboxList = lazyPage(() => import('./InboxList'), 'InboxList');
const SettingsPage = lazyPage(() => import('./SettingsPage'), 'SettingsPage');
const TemplateList = lazyPage(() => import('./TemplateList'), 'TemplateList');
const TemplateShow = lazyPage(() => import('./TemplateShow'), 'TemplateShow');

// Notification menu entries and pages, each gated by canAccess (see auth/canAccess.ts). The resource names are the
// gateway paths; the menu labels come from `options.label` (react-admin falls back to it).
export const inbox = { list: InboxList, icon: InboxIcon, options: { label: 'notifications.inbox.menu' } };
export const deliveries = { list: DeliveryList, icon: MarkEmailReadIcon, options: { label: 'notifications.deliveries.menu' } };
export const templates = { list: TemplateList, show: TemplateShow, icon: DescriptionIcon, options: { label: 'notifications.templates.menu' } };
export const settings = { list: SettingsPage, icon: TuneIcon, options: { label: 'notifications.settings.menu' } };
