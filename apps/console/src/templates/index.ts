import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../lazyPage';

const TemplateCreate = lazyPage(() => import('./TemplateCreate'), 'TemplateCreate');
const TemplateList = lazyPage(() => import('./TemplateList'), 'TemplateList');
const TemplateShow = lazyPage(() => import('./TemplateShow'), 'TemplateShow');

export default {
  list: TemplateList,
  show: TemplateShow,
  create: TemplateCreate,
  icon: MenuBookIcon,
};
