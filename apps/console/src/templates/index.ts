import MenuBookIcon from '@mui/icons-material/MenuBook';
import { TemplateCreate } from './TemplateCreate';
import { TemplateList } from './TemplateList';
import { TemplateShow } from './TemplateShow';

export default {
  list: TemplateList,
  show: TemplateShow,
  create: TemplateCreate,
  icon: MenuBookIcon,
};
